using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.Iam;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// The one authentication check in front of every MRS endpoint (the <c>/v2/{project_id}</c> group): a live
/// token scoped to the URL's project, or an AK/SK signature whose <c>X-Project-Id</c> is the URL's project
/// and a project of the key's account.
/// </summary>
internal sealed class MrsAuthFilter : IEndpointFilter
{
    public const string ProjectIdHeader = "X-Project-Id";

    private readonly EmulatorState state;

    public MrsAuthFilter(EmulatorState state) => this.state = state;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (caller, failure) = await GatewayAuthenticator.AuthenticateAsync(http, state).ConfigureAwait(false);
        if (caller is null)
        {
            return failure;
        }

        var projectId = http.GetRouteValue("project_id") as string ?? string.Empty;
        if (caller.Token is { } token && token.Project.Id != projectId)
        {
            return NotScoped($"the token is not scoped to project {projectId}");
        }

        if (caller.AccessKey is not null)
        {
            var header = http.Request.Headers[ProjectIdHeader].ToString();
            if (header != projectId)
            {
                return NotScoped($"{ProjectIdHeader} '{header}' is not the project {projectId} of the URL");
            }

            if (state.Identity.FindProject(caller.DomainId, null, projectId) is null)
            {
                return NotScoped($"project {projectId} does not belong to the account of the access key");
            }
        }

        new MrsCaller(caller.User.Name, caller.DomainId, projectId).AttachTo(http);
        return await next(context).ConfigureAwait(false);
    }

    private static IResult NotScoped(string reason) =>
        GatewayErrors.Canonical(StatusCodes.Status403Forbidden, "12000001", "Invalid authentication: " + reason);
}
