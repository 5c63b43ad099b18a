using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// <c>POST /v3.0/OS-AUTH/id-token/tokens</c> (IAM API "Obtaining a Token with an OpenID Connect ID Token"): header
/// <c>X-Idp-Id</c>, body <c>{"auth":{"id_token":{"id":…},"scope":{"project":{"id"|"name":…}}}}</c>; 201 with the token
/// in <c>X-Subject-Token</c> and <c>{"token":{…,"methods":["mapped"]}}</c>. An unknown provider or project is 404 (the
/// page's "The requested resource cannot be found", <c>Could not find %(target)s: %(target_id)s.</c>), a token that
/// fails <see cref="IdTokenValidator"/> 401, a malformed request 400. The emulator issues project-scoped tokens only.
/// </summary>
internal static class IdTokenEndpoint
{
    public const string Path = "/v3.0/OS-AUTH/id-token/tokens";
    public const string IdpHeader = "X-Idp-Id";

    public static async Task<IResult> HandleAsync(HttpContext context, EmulatorState state)
    {
        var idpId = context.Request.Headers[IdpHeader].ToString();
        if (idpId.Length == 0)
        {
            return IamErrors.BadRequest($"The {IdpHeader} header is required.");
        }

        var provider = state.IdentityProviders.Find(idpId);
        if (provider is null)
        {
            return IamErrors.NotFound($"The identity provider {idpId} does not exist.");
        }

        var auth = Parse(await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false))?["auth"];
        var idToken = Text(auth?["id_token"]?["id"]);
        if (string.IsNullOrEmpty(idToken))
        {
            return IamErrors.BadRequest("The request body must carry auth.id_token.id.");
        }

        if (IdTokenValidator.Problem(idToken, provider, state.Time.GetUtcNow(), out var tokenId) is { } problem)
        {
            state.IdentityProviders.RecordRefusal(idpId);
            return IamErrors.Unauthorized(problem);
        }

        var scope = auth!["scope"]?["project"];
        var projectId = Text(scope?["id"]);
        var projectName = Text(scope?["name"]);
        if (projectId is null && projectName is null)
        {
            return IamErrors.BadRequest("The emulator issues project-scoped tokens only: give auth.scope.project.id or .name.");
        }

        var project = state.Identity.FindProject(provider.User.DomainId, projectName, projectId);
        if (project is null)
        {
            return IamErrors.NotFound($"Could not find project: {projectName ?? projectId}.");
        }

        var token = state.Identity.IssueToken(provider.User, project, provider.TokenLifetime ?? state.Settings.TokenLifetime);
        state.IdentityProviders.RecordExchange(idpId, tokenId);
        var body = TokenEndpoint.Describe(token, omitCatalog: true);
        body["token"]!["methods"] = new JsonArray("mapped");
        return JsonReply.Create(StatusCodes.Status201Created, body).WithHeader(TokenEndpoint.SubjectTokenHeader, token.Token);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
