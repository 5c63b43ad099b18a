using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// <c>GET /v3/projects?name=…</c>: the projects of the caller's account (by token, or by AK/SK signature
/// without <c>X-Project-Id</c>, as the SDKs look a project id up), filtered by name when given.
/// </summary>
internal static class ProjectsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, EmulatorState state)
    {
        var (caller, failure) = await GatewayAuthenticator.AuthenticateAsync(context, state).ConfigureAwait(false);
        if (caller is null)
        {
            return failure!;
        }

        var name = context.Request.Query["name"].ToString();
        var projects = state.Identity.GetProjects(caller.DomainId)
            .Where(p => name.Length == 0 || p.Name == name);
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
        var list = new JsonArray(projects.Select(p => (JsonNode)Describe(p, baseUrl)).ToArray());
        var body = new JsonObject
        {
            ["projects"] = list,
            ["links"] = new JsonObject
            {
                ["self"] = $"{baseUrl}{context.Request.Path}{context.Request.QueryString}",
                ["previous"] = null,
                ["next"] = null,
            },
        };
        return JsonReply.Create(StatusCodes.Status200OK, body);
    }

    private static JsonObject Describe(EmulatorProject project, string baseUrl) => new()
    {
        ["id"] = project.Id,
        ["name"] = project.Name,
        ["domain_id"] = project.DomainId,
        ["parent_id"] = project.DomainId,
        ["is_domain"] = false,
        ["enabled"] = true,
        ["description"] = string.Empty,
        ["links"] = new JsonObject { ["self"] = $"{baseUrl}/v3/projects/{Uri.EscapeDataString(project.Id)}" },
    };
}
