using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Auth;

/// <summary>IAM's password token call: <c>POST /v3/auth/tokens?nocatalog=true</c>, project-scoped.</summary>
internal sealed class IamClient
{
    private readonly MrsHttpPipeline _pipeline;

    public IamClient(MrsHttpPipeline pipeline) => _pipeline = pipeline;

    public async Task<IamToken> RequestTokenAsync(Uri iamEndpoint, PasswordSignIn signIn, string? projectId, string? projectName, CallContext context)
    {
        var body = new IamAuthRequestBody();
        body.Auth.Identity.Password.User.Name = signIn.UserName;
        body.Auth.Identity.Password.User.Domain.Name = signIn.DomainName;
        body.Auth.Identity.Password.User.Password = new NetworkCredential(string.Empty, signIn.Password).Password;
        body.Auth.Scope.Project = projectId is { Length: > 0 } ? new IamNamed { Id = projectId } : new IamNamed { Name = projectName };
        var json = JsonSerializer.Serialize(body, MrsJsonContext.Wire.IamAuthRequestBody);
        body.Auth.Identity.Password.User.Password = string.Empty;

        var scope = projectId ?? projectName;
        var uri = new Uri(iamEndpoint, "v3/auth/tokens?nocatalog=true");
        var response = await _pipeline.SendAsync(HttpMethod.Post, uri, json, context, RequestKind.SignIn).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw Failure(response, signIn, scope);
        }

        return ReadToken(response, scope);
    }

    internal static IamToken ReadToken(ApiResponse response, string? scope)
    {
        var parsed = WireReader.TryRead(response.Body, MrsJsonContext.Wire.IamTokenResponseBody);
        var token = parsed?.Token;
        if (string.IsNullOrEmpty(response.SubjectToken) || token?.Project?.Id is not { Length: > 0 } projectId
            || !DateTimeOffset.TryParse(token.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiresAt))
        {
            throw new MrsApiException(
                $"IAM answered {(int)response.StatusCode} without a usable token for project '{scope}' (expected the X-Subject-Token header and token.project.id and token.expires_at in the body).",
                MrsErrorKind.Protocol,
                response.StatusCode,
                requestId: response.RequestId,
                errorId: ErrorIds.IamInvalidResponse);
        }

        return new IamToken(response.SubjectToken!, expiresAt, projectId, token.Project.Name);
    }

    private static MrsApiException Failure(ApiResponse response, PasswordSignIn signIn, string? scope)
    {
        var error = ApiErrorParser.Parse(response.Body);
        var iamSays = MessageText.Sentence(error.Message ?? $"HTTP {(int)response.StatusCode}");
        var status = response.StatusCode;
        if (status == HttpStatusCode.NotFound || (IsClientError(status) && MentionsProject(error.Message)))
        {
            return new MrsApiException(
                $"IAM did not find project '{scope}' for account '{signIn.DomainName}': {iamSays} Check -Region, -ProjectName or -ProjectId.",
                MrsErrorKind.NotFound, status, error.ErrorCode, error.Message, response.RequestId ?? error.RequestId, errorId: ErrorIds.IamProjectNotFound);
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            return new MrsApiException(
                $"IAM refused the sign-in of user '{signIn.UserName}' in account '{signIn.DomainName}': {iamSays}",
                MrsErrorKind.Authentication, status, error.ErrorCode, error.Message, response.RequestId ?? error.RequestId, errorId: ErrorIds.IamAuthenticationFailed);
        }

        var kind = MrsErrorCatalog.KindFromStatus(status);
        return new MrsApiException(
            $"IAM refused the token request for user '{signIn.UserName}' in account '{signIn.DomainName}' (HTTP {(int)status}): {iamSays}",
            kind, status, error.ErrorCode, error.Message, response.RequestId ?? error.RequestId, errorId: ErrorIds.IamRequestFailed);
    }

    private static bool IsClientError(HttpStatusCode status) => (int)status >= 400 && (int)status < 500;

    private static bool MentionsProject(string? text) =>
        text is not null && new[] { "project", "scope", "tenant" }.Any(word => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);
}
