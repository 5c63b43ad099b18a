using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary><c>POST /v3/auth/tokens</c>: a project-scoped token for a user name and password.</summary>
internal static class TokenEndpoint
{
    public const string SubjectTokenHeader = "X-Subject-Token";

    public static async Task<IResult> HandleAsync(HttpContext context, EmulatorState state)
    {
        var body = await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false);
        var request = PasswordAuthRequest.Parse(body, out var error);
        if (request is null)
        {
            return IamErrors.BadRequest(error!);
        }

        var domain = state.Identity.FindDomain(request.DomainName, request.DomainId);
        var user = domain is null ? null : state.Identity.FindUser(domain.Id, request.UserName);
        if (domain is null || user is null || user.Password != request.Password)
        {
            return IamErrors.Unauthorized(IamErrors.WrongCredentials);
        }

        var project = state.Identity.FindProject(domain.Id, request.ProjectName, request.ProjectId);
        if (project is null)
        {
            var named = request.ProjectName ?? request.ProjectId;
            return IamErrors.BadRequest($"The project {named} does not exist in account {domain.Name}.");
        }

        var token = state.Identity.IssueToken(user, project, state.Settings.TokenLifetime);
        var omitCatalog = string.Equals(context.Request.Query["nocatalog"], "true", System.StringComparison.OrdinalIgnoreCase);
        return JsonReply.Create(StatusCodes.Status201Created, Describe(token, omitCatalog))
            .WithHeader(SubjectTokenHeader, token.Token);
    }

    /// <summary>The <c>{"token":{…}}</c> body IAM gives for a token, when issued and when validated.</summary>
    internal static JsonObject Describe(IssuedToken token, bool omitCatalog)
    {
        var body = new JsonObject
        {
            ["expires_at"] = IamTime.Format(token.ExpiresAt),
            ["issued_at"] = IamTime.Format(token.IssuedAt),
            ["methods"] = new JsonArray("password"),
            ["project"] = new JsonObject
            {
                ["id"] = token.Project.Id,
                ["name"] = token.Project.Name,
                ["domain"] = Domain(token.Domain),
            },
            ["user"] = new JsonObject
            {
                ["id"] = token.User.Id,
                ["name"] = token.User.Name,
                ["domain"] = Domain(token.Domain),
            },
        };
        if (!omitCatalog)
        {
            body["catalog"] = new JsonArray();
        }

        return new JsonObject { ["token"] = body };
    }

    private static JsonObject Domain(EmulatorDomain domain) => new()
    {
        ["id"] = domain.Id,
        ["name"] = domain.Name,
    };
}
