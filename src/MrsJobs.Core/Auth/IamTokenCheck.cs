using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth;

/// <summary>
/// Asks IAM about a token the user gave (<c>GET /v3/auth/tokens</c>, the token as both <c>X-Auth-Token</c>
/// and <c>X-Subject-Token</c>: checking one's own token needs no extra rights), to learn when it expires
/// and which project it is scoped to.
/// </summary>
internal static class IamTokenCheck
{
    /// <summary>What IAM said, or <c>null</c> when it could not say (unreachable, no permission): the token is then used unchecked.</summary>
    /// <exception cref="MrsApiException">IAM says the token is not valid (unknown or expired).</exception>
    public static async Task<IamToken?> CheckAsync(Uri iamEndpoint, string token, IHttpTraceSink? trace, string userAgent, CancellationToken cancellationToken, ProxyConfiguration? proxy = null)
    {
        // A short timeout: the check only adds knowledge (expiry, project); an IAM that does not answer must not hold Connect up.
        using var pipeline = new MrsHttpPipeline(new SelfCheckAuthenticator(token), userAgent, TimeSpan.FromSeconds(10), RetryPolicy.None, proxy: proxy);
        ApiResponse response;
        try
        {
            response = await pipeline.SendAsync(HttpMethod.Get, new Uri(iamEndpoint, "v3/auth/tokens?nocatalog=true"), null, new CallContext(trace, cancellationToken)).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (ex.Kind is MrsErrorKind.Connection or MrsErrorKind.Timeout)
        {
            trace?.Verbose($"Could not ask IAM about the token ({ex.Summary}); its expiry stays unknown.");
            return null;
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
        {
            var error = ApiErrorParser.Parse(response.Body);
            throw new MrsApiException(
                $"IAM says the token is not valid: {MessageText.Sentence(error.Message ?? $"HTTP {(int)response.StatusCode}")} It may have expired (tokens live 24 hours) or been revoked.",
                MrsErrorKind.TokenExpired,
                response.StatusCode,
                error.ErrorCode,
                error.Message,
                response.RequestId ?? error.RequestId,
                "Get a new token, or connect with -Credential or an access key so that the session renews itself.",
                errorId: ErrorIds.IamTokenNotValid);
        }

        if (!response.IsSuccess)
        {
            trace?.Verbose($"IAM did not say when the token expires (HTTP {(int)response.StatusCode}); its expiry stays unknown.");
            return null;
        }

        return IamClient.ReadToken(response, null);
    }

    // The token checks itself: X-Auth-Token and X-Subject-Token are the same token.
    private sealed class SelfCheckAuthenticator : FixedCredentialsAuthenticator
    {
        private readonly string _token;

        public SelfCheckAuthenticator(string token) => _token = token;

        public override string Method => "Token";

        public override Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", _token);
            request.Headers.TryAddWithoutValidation("X-Subject-Token", _token);
            return Task.CompletedTask;
        }
    }
}
