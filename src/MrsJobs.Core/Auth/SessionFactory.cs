using System;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth;

/// <summary>Makes sessions: by password through IAM, or from a token the user already has.</summary>
internal static class SessionFactory
{
    /// <summary>Signs in with a password and returns a session scoped to the chosen project.</summary>
    /// <exception cref="MrsApiException">IAM refused the sign-in, did not know the project, or could not be reached.</exception>
    public static async Task<MrsSession> ConnectWithPasswordAsync(PasswordSignIn signIn, IHttpTraceSink? trace, string userAgent, CancellationToken cancellationToken, SessionOptions? options = null)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        var region = Endpoints.NormalizeRegion(signIn.Region);
        var iamEndpoint = Endpoints.IamRoot(signIn.IamEndpoint ?? Endpoints.IamForRegion(RequireRegion(region, "-IamEndpoint")));
        var endpoint = signIn.Endpoint ?? Endpoints.MrsForRegion(RequireRegion(region, "-Endpoint"));
        var projectName = signIn.ProjectName?.Trim() ?? region;
        if (signIn.ProjectId is null && projectName is null)
        {
            throw new ArgumentException("Give -Region, -ProjectName or -ProjectId so the token can be scoped to a project.");
        }

        options ??= new SessionOptions();
        var iam = new IamClient(new MrsHttpPipeline(null, userAgent, options.Timeout, options.Retry, options.Clock));
        var token = await iam.RequestTokenAsync(iamEndpoint, signIn, signIn.ProjectId, projectName, new CallContext(trace, cancellationToken)).ConfigureAwait(false);
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
            signIn.DomainName);
    }

    /// <summary>
    /// Makes a session that signs every request with an access key pair. Without a project id (from the
    /// parameters or the credential source), it is looked up by region name with a signed
    /// <c>GET /v3/projects?name=</c>; otherwise nothing is sent and the first call checks the keys.
    /// </summary>
    /// <exception cref="MrsApiException">The project lookup was refused, found no project or several.</exception>
    public static async Task<MrsSession> ConnectWithAccessKeyAsync(
        AccessKeyCredentials credentials, string? region, Uri? endpoint, IHttpTraceSink? trace, string userAgent, CancellationToken cancellationToken, SessionOptions? options = null)
    {
        if (credentials is null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        region = Endpoints.NormalizeRegion(region);
        var mrs = endpoint ?? Endpoints.MrsForRegion(RequireRegion(region, "-Endpoint"));
        var iam = Endpoints.IamRoot(credentials.IamEndpoint ?? Endpoints.IamForRegion(RequireRegion(region, "-IamEndpoint")));
        var keys = new AkSkCredentials(SecretText.Reveal(credentials.AccessKey), credentials.SecretKey, credentials.SecurityToken is null ? null : SecretText.Reveal(credentials.SecurityToken));
        try
        {
            options ??= new SessionOptions();
            var unscoped = new AkSkAuthenticator(keys);
            var lookup = new MrsHttpPipeline(unscoped, userAgent, options.Timeout, options.Retry, options.Clock);
            var projectId = credentials.ProjectId
                ?? await IamProjectLookup.FindProjectIdAsync(lookup, iam, RequireRegion(region, "-ProjectId"), new CallContext(trace, cancellationToken)).ConfigureAwait(false);
            return new MrsSession(region, projectId, null, mrs, iam, AuthMethod.AccessKey, unscoped.WithProjectId(projectId), userAgent, options, credentialSource: credentials.Origin, secrets: keys);
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
        string token, string? projectId, string? region, Uri? endpoint, Uri? iamEndpoint, IHttpTraceSink? trace, string userAgent, CancellationToken cancellationToken, SessionOptions? options = null)
    {
        region = Endpoints.NormalizeRegion(region);

        // Ask the IAM that belongs with the MRS endpoint: the one given, or the region's when MRS is the
        // region's too. With only -Endpoint (a private cloud, a proxy) the token goes nowhere else.
        var iam = iamEndpoint is not null ? Endpoints.IamRoot(iamEndpoint) : endpoint is null && region is not null ? Endpoints.IamForRegion(region) : null;
        var checkedToken = iam is null ? null : await IamTokenCheck.CheckAsync(iam, token, trace, userAgent, cancellationToken).ConfigureAwait(false);
        if (projectId is not null && checkedToken is not null && !string.Equals(projectId.Trim(), checkedToken.ProjectId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The token is scoped to project {checkedToken.ProjectId}, not {projectId.Trim()}: leave -ProjectId out, or get a token for that project.", nameof(projectId));
        }

        var project = projectId ?? checkedToken?.ProjectId
            ?? throw new ArgumentException("Give -ProjectId with -Token (IAM could not be asked which project the token is scoped to).", nameof(projectId));
        return FromToken(token, project, region, endpoint, iam, checkedToken?.ExpiresAt, userAgent, options);
    }

    /// <summary>Makes a session from an existing token. Nothing is sent: the token is checked by the first call.</summary>
    public static MrsSession FromToken(string token, string projectId, string? region, Uri? endpoint, Uri? iamEndpoint, DateTimeOffset? expiresAt = null, string? userAgent = null, SessionOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException("A project id is required with a token.", nameof(projectId));
        }

        region = Endpoints.NormalizeRegion(region);
        var mrs = endpoint ?? Endpoints.MrsForRegion(RequireRegion(region, "-Endpoint"));
        var iam = iamEndpoint is not null ? Endpoints.IamRoot(iamEndpoint) : region is null ? null : Endpoints.IamForRegion(region);
        return new MrsSession(region, projectId.Trim(), null, mrs, iam, AuthMethod.Token, new TokenAuthenticator(token, nameof(AuthMethod.Token), expiresAt), userAgent, options);
    }

    internal static string RequireRegion(string? region, string alternative) =>
        string.IsNullOrWhiteSpace(region)
            ? throw new ArgumentException($"Give -Region (for example cn-north-4) or {alternative}.")
            : region!;
}
