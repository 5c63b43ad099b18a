using System.Threading.Tasks;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth.Federation;

/// <summary>
/// Makes a session from an identity provider and its ID token file (<c>-IdpId -IdTokenFile</c>, or
/// <c>HUAWEICLOUD_SDK_IDP_ID</c>/<c>HUAWEICLOUD_SDK_ID_TOKEN_FILE</c>, or <c>idp_id</c>/<c>id_token_file</c> in the
/// profile file). The token is scoped to the project id given or set (<c>-ProjectId</c>,
/// <c>HUAWEICLOUD_SDK_PROJECT_ID</c>, <c>project_id</c>), as the SDKs require; without one, to the project named like
/// the region, and renewals then keep the project id IAM answered with.
/// </summary>
internal static class IdTokenSessionFactory
{
    /// <summary>Reads the ID token, exchanges it at IAM and makes the session.</summary>
    /// <param name="credentials">The identity provider, the token file and the project id, if any.</param>
    /// <param name="where">Where the services are, as given (<see cref="EndpointQuery.ForCredentials"/>).</param>
    /// <param name="context">Trace, warnings and cancellation.</param>
    /// <param name="userAgent">The User-Agent of every request.</param>
    /// <param name="options">Timeout, retries, proxy and the endpoint chain.</param>
    /// <exception cref="CredentialsException">The ID token file is missing, unreadable or empty.</exception>
    /// <exception cref="Errors.MrsApiException">IAM refused the ID token or did not know the project.</exception>
    public static async Task<MrsSession> ConnectAsync(IdTokenCredentials credentials, EndpointQuery where, CallContext context, string userAgent, SessionOptions? options = null)
    {
        options ??= new SessionOptions();
        var endpoints = options.EndpointChain.Locate(where, context);
        var mrs = endpoints.RequireMrs();
        var iam = endpoints.RequireIam().Url;
        var projectName = credentials.ProjectId is null ? endpoints.RequireRegion("-ProjectId") : null;

        var iamClient = new IamIdTokenClient(credentials.IdpId, userAgent, options);   // its pipeline holds a lease on the pooled client
        try
        {
            var token = await iamClient.ExchangeAsync(iam, IdTokenFile.Read(credentials.IdTokenFile), credentials.ProjectId, projectName, context).ConfigureAwait(false);
            context.Trace.Verbose($"IAM exchanged the ID token for a token of project {token.ProjectName ?? token.ProjectId}; it expires {token.ExpiresAt:u}.");
            var authenticator = new IdTokenAuthenticator(iamClient, iam, credentials.IdTokenFile, token, options.Clock);   // the session disposes it, and with it the client
            return new MrsSession(
                endpoints.Region, token.ProjectId, token.ProjectName ?? projectName, mrs.Url, iam, AuthMethod.IdToken, authenticator, userAgent, options,
                credentialSource: credentials.Origin, endpointSource: mrs.Source, iamEndpointSource: endpoints.Iam?.Source);
        }
        catch
        {
            iamClient.Dispose();   // no session took the client: end its lease now
            throw;
        }
    }
}
