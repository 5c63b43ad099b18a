using System;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth;

/// <summary>Makes sessions: by password through IAM, or from a token the user already has.</summary>
internal static class SessionFactory
{
    /// <summary>Signs in with a password and returns a session scoped to the chosen project.</summary>
    /// <exception cref="MrsApiException">IAM refused the sign-in, did not know the project, or could not be reached.</exception>
    public static async Task<MrsSession> ConnectWithPasswordAsync(PasswordSignIn signIn, CallContext context, string userAgent, SessionOptions? options = null)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        options ??= new SessionOptions();
        var endpoints = options.EndpointChain.Locate(new EndpointQuery(signIn.Region, signIn.Endpoint, signIn.IamEndpoint), context);
        var region = endpoints.Region;
        var iamEndpoint = endpoints.RequireIam().Url;
        var endpoint = endpoints.RequireMrs().Url;
        var projectName = signIn.ProjectName?.Trim() ?? (signIn.ProjectId is null ? endpoints.RequireRegion("-ProjectName", "-ProjectId") : region);

        using var pipeline = new MrsHttpPipeline(null, userAgent, options.Timeout, options.Retry, options.Clock, options.Proxy);
        var iam = new IamClient(pipeline);
        var token = await iam.RequestTokenAsync(iamEndpoint, signIn, signIn.ProjectId, projectName, context).ConfigureAwait(false);
        return new MrsSession(
            region,
            token.ProjectId,
            token.ProjectName ?? projectName,
            endpoint,
            iamEndpoint,
            AuthMethod.Password,
            new PasswordTokenAuthenticator(signIn, iamEndpoint, token, options),
            userAgent,
            options,
            signIn.UserName,
            signIn.DomainName,
            endpointSource: endpoints.Mrs!.Source,
            iamEndpointSource: endpoints.Iam!.Source);
    }

    /// <summary>
    /// Makes a session that signs every request with an access key pair. Without a project id (from the
    /// parameters or the credential source), it is looked up by region name with a signed
    /// <c>GET /v3/projects?name=</c>; otherwise nothing is sent and the first call checks the keys.
    /// </summary>
    /// <param name="credentials">The keys, from the parameters or the chain.</param>
    /// <param name="where">Where the services are, as given (<see cref="EndpointQuery.ForCredentials"/>).</param>
    /// <param name="context">Trace, warnings and cancellation.</param>
    /// <param name="userAgent">The User-Agent of every request.</param>
    /// <param name="options">Timeout, retries, proxy and the endpoint chain.</param>
    /// <exception cref="MrsApiException">The project lookup was refused, found no project or several.</exception>
    public static async Task<MrsSession> ConnectWithAccessKeyAsync(
        AccessKeyCredentials credentials, EndpointQuery where, CallContext context, string userAgent, SessionOptions? options = null)
    {
        if (credentials is null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        options ??= new SessionOptions();
        var endpoints = options.EndpointChain.Locate(where, context);
        var mrs = endpoints.RequireMrs();
        var iam = endpoints.RequireIam();
        var keys = new AkSkCredentials(SecretText.Reveal(credentials.AccessKey), credentials.SecretKey, credentials.SecurityToken is null ? null : SecretText.Reveal(credentials.SecurityToken));
        try
        {
            var unscoped = new AkSkAuthenticator(keys);
            using var lookup = new MrsHttpPipeline(unscoped, userAgent, options.Timeout, options.Retry, options.Clock, options.Proxy);
            var projectId = credentials.ProjectId
                ?? await IamProjectLookup.FindProjectIdAsync(lookup, iam.Url, endpoints.RequireRegion("-ProjectId"), context).ConfigureAwait(false);
            return new MrsSession(
                endpoints.Region, projectId, null, mrs.Url, iam.Url, AuthMethod.AccessKey, unscoped.WithProjectId(projectId), userAgent, options,
                credentialSource: credentials.Origin, secrets: keys, endpointSource: mrs.Source, iamEndpointSource: iam.Source);
        }
        catch
        {
            keys.Dispose();   // no session holds the key copy: drop it now
            throw;
        }
    }

    /// <summary>
    /// Makes a session from an existing token, first asking IAM (when its endpoint is known) when the token
    /// expires and which project it is scoped to. The session cannot renew the token; knowing the expiry
    /// lets it say so before sending anything once the token has expired.
    /// </summary>
    /// <exception cref="MrsApiException">IAM says the token is not valid.</exception>
    public static async Task<MrsSession> ConnectWithTokenAsync(
        string token, string? projectId, string? region, Uri? endpoint, Uri? iamEndpoint, CallContext context, string userAgent, SessionOptions? options = null)
    {
        options ??= new SessionOptions();
        using var connecting = HttpClientPool.Acquire(options.Proxy);   // one pooled client from the check to the session

        // Ask the IAM that belongs with the MRS endpoint: one the user configured, or the region's when MRS is
        // the region's too. With only -Endpoint (a private cloud, a proxy) the token goes nowhere else.
        var endpoints = options.EndpointChain.Locate(EndpointQuery.ForToken(region, endpoint, iamEndpoint), context);
        var checkedToken = endpoints.Iam is not { } iam ? null : await IamTokenCheck.CheckAsync(iam.Url, token, context.Trace, userAgent, context.Cancellation, options.Proxy).ConfigureAwait(false);
        if (projectId is not null && checkedToken is not null && !string.Equals(projectId.Trim(), checkedToken.ProjectId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The token is scoped to project {checkedToken.ProjectId}, not {projectId.Trim()}: leave -ProjectId out, or get a token for that project.", nameof(projectId));
        }

        var project = projectId ?? checkedToken?.ProjectId
            ?? throw new ArgumentException("Give -ProjectId with -Token (IAM could not be asked which project the token is scoped to).", nameof(projectId));
        return FromEndpoints(token, project, endpoints, checkedToken?.ExpiresAt, userAgent, options);
    }

    /// <summary>Makes a session from an existing token. Nothing is sent: the token is checked by the first call.</summary>
    public static MrsSession FromToken(string token, string projectId, string? region, Uri? endpoint, Uri? iamEndpoint, DateTimeOffset? expiresAt = null, string? userAgent = null, SessionOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException("A project id is required with a token.", nameof(projectId));
        }

        var endpoints = (options?.EndpointChain ?? EndpointChain.RegionTableOnly).Locate(new EndpointQuery(region, endpoint, iamEndpoint), CallContext.None);
        return FromEndpoints(token, projectId, endpoints, expiresAt, userAgent, options);
    }

    private static MrsSession FromEndpoints(string token, string projectId, SessionEndpoints endpoints, DateTimeOffset? expiresAt, string? userAgent, SessionOptions? options)
    {
        var mrs = endpoints.RequireMrs();
        return new MrsSession(
            endpoints.Region, projectId.Trim(), null, mrs.Url, endpoints.Iam?.Url, AuthMethod.Token, new TokenAuthenticator(token, nameof(AuthMethod.Token), expiresAt), userAgent, options,
            endpointSource: mrs.Source, iamEndpointSource: endpoints.Iam?.Source);
    }
}
