using System;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth;

/// <summary>Makes sessions: by password through IAM, or from a token the user already has.</summary>
public static class SessionFactory
{
    /// <summary>Signs in with a password and returns a session scoped to the chosen project.</summary>
    /// <exception cref="MrsApiException">IAM refused the sign-in, did not know the project, or could not be reached.</exception>
    public static async Task<MrsSession> ConnectWithPasswordAsync(PasswordSignIn signIn, IHttpTraceSink? trace, string userAgent, CancellationToken cancellationToken)
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

        var iam = new IamClient(new MrsHttpPipeline(null, trace, userAgent));
        var token = await iam.RequestTokenAsync(iamEndpoint, signIn, signIn.ProjectId, projectName, cancellationToken).ConfigureAwait(false);
        return new MrsSession(
            region,
            token.ProjectId,
            token.ProjectName ?? projectName,
            endpoint,
            iamEndpoint,
            AuthMethod.Password,
            new PasswordTokenAuthenticator(signIn, iamEndpoint, token),
            signIn.UserName,
            signIn.DomainName);
    }

    /// <summary>Makes a session from an existing token. Nothing is sent: the token is checked by the first call.</summary>
    public static MrsSession FromToken(string token, string projectId, string? region, Uri? endpoint, Uri? iamEndpoint, DateTimeOffset? expiresAt = null)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException("A project id is required with a token.", nameof(projectId));
        }

        region = Endpoints.NormalizeRegion(region);
        var mrs = endpoint ?? Endpoints.MrsForRegion(RequireRegion(region, "-Endpoint"));
        var iam = iamEndpoint is not null ? Endpoints.IamRoot(iamEndpoint) : region is null ? null : Endpoints.IamForRegion(region);
        return new MrsSession(region, projectId.Trim(), null, mrs, iam, AuthMethod.Token, new TokenAuthenticator(token, nameof(AuthMethod.Token), expiresAt));
    }

    private static string RequireRegion(string? region, string alternative) =>
        string.IsNullOrWhiteSpace(region)
            ? throw new ArgumentException($"Give -Region (for example cn-north-4) or {alternative}.")
            : region!;
}
