using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Auth.Federation;

/// <summary>
/// IAM's ID-token exchange as the SDKs call it (huaweicloud-sdk-go-v3 <c>core/auth/internal/iam_service.go</c>
/// <c>GetProjectTokenWithIdTokenRequest</c>, Python <c>auth/internal.py</c> <c>get_create_token_by_id_token_request</c>):
/// <c>POST /v3.0/OS-AUTH/id-token/tokens</c> with the header <c>X-Idp-Id</c> and the body
/// <c>{"auth":{"id_token":{"id":…},"scope":{"project":{"id":…}}}}</c>; the answer's <c>X-Subject-Token</c> is a
/// project-scoped token of the federated user, sent as <c>X-Auth-Token</c>, and <c>token.expires_at</c> its expiry.
/// The SDKs need a project id; without one this client scopes by the region's project name, which the API also takes.
/// Its pipeline holds a lease on the session's pooled HTTP client until disposed.
/// </summary>
internal sealed class IamIdTokenClient : IDisposable
{
    /// <summary>The exchange's path.</summary>
    public const string Path = "v3.0/OS-AUTH/id-token/tokens";

    /// <summary>The header naming the identity provider.</summary>
    public const string IdpHeader = "X-Idp-Id";

    private readonly MrsHttpPipeline _pipeline;
    private readonly string _idpId;

    /// <summary>Creates the client for one identity provider; the session's timeout, retries and clock apply.</summary>
    public IamIdTokenClient(string idpId, string userAgent, Sessions.SessionOptions options)
    {
        _idpId = idpId;
        _pipeline = new MrsHttpPipeline(new IdpHeaderAuthenticator(idpId), userAgent, options.Timeout, options.Retry, options.Clock, options.Proxy);
    }

    /// <summary>Exchanges <paramref name="idToken"/> for a token scoped to the project with this id, or else this name.</summary>
    /// <exception cref="MrsApiException">IAM refused the ID token, did not know the project, or answered without a token.</exception>
    public async Task<IamToken> ExchangeAsync(Uri iamEndpoint, string idToken, string? projectId, string? projectName, CallContext context)
    {
        var body = new IamIdTokenRequestBody();
        body.Auth.IdToken.Id = idToken;
        body.Auth.Scope.Project = projectId is { Length: > 0 } ? new IamNamed { Id = projectId } : new IamNamed { Name = projectName };
        var json = JsonSerializer.Serialize(body, MrsJsonContext.Wire.IamIdTokenRequestBody);
        body.Auth.IdToken.Id = string.Empty;

        var scope = projectId ?? projectName;
        var response = await _pipeline.SendAsync(HttpMethod.Post, new Uri(iamEndpoint, Path), json, context, RequestKind.SignIn).ConfigureAwait(false);
        return response.IsSuccess ? IamClient.ReadToken(response, scope) : throw Failure(response, scope);
    }

    /// <summary>Ends the pipeline's lease on the pooled client.</summary>
    public void Dispose() => _pipeline.Dispose();

    private MrsApiException Failure(ApiResponse response, string? scope)
    {
        var error = ApiErrorParser.Parse(response.Body);
        var iamSays = MessageText.Sentence(error.Message ?? $"HTTP {(int)response.StatusCode}");
        var status = response.StatusCode;
        var requestId = response.RequestId ?? error.RequestId;
        // The API page answers what it cannot find with 404 "Could not find %(target)s: %(target_id)s.": the project, or the identity provider.
        if (status == HttpStatusCode.NotFound && Mentions(error.Message, "project"))
        {
            return new MrsApiException(
                $"IAM did not find project '{scope}' for the federated user of identity provider '{_idpId}': {iamSays} Check -Region or -ProjectId.",
                MrsErrorKind.NotFound, status, error.ErrorCode, error.Message, requestId, errorId: ErrorIds.IamProjectNotFound);
        }

        if ((int)status is >= 400 and < 500 && (int)status != 429)
        {
            return new MrsApiException(
                $"IAM refused the ID token of identity provider '{_idpId}' (HTTP {(int)status}): {iamSays}",
                MrsErrorKind.Authentication, status, error.ErrorCode, error.Message, requestId,
                "Check the identity provider id, that the ID token file holds a current token of that provider (issuer, audience, expiry), and the provider's identity conversion rules.",
                errorId: ErrorIds.IamAuthenticationFailed);
        }

        return new MrsApiException(
            $"IAM refused the ID-token exchange for identity provider '{_idpId}' (HTTP {(int)status}): {iamSays}",
            MrsErrorCatalog.KindFromStatus(status), status, error.ErrorCode, error.Message, requestId, errorId: ErrorIds.IamRequestFailed);
    }

    private static bool Mentions(string? text, string word) => text is not null && text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    // The exchange carries its credential, the ID token, in the body; the header says whose token it is.
    private sealed class IdpHeaderAuthenticator : FixedCredentialsAuthenticator
    {
        private readonly string _idpId;

        public IdpHeaderAuthenticator(string idpId) => _idpId = idpId;

        public override string Method => "IdToken";

        public override Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(IdpHeader);
            request.Headers.TryAddWithoutValidation(IdpHeader, _idpId);
            return Task.CompletedTask;
        }
    }
}
