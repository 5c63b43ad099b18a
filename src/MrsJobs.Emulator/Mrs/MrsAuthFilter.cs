using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.Iam;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// The one authentication check in front of every MRS endpoint (the <c>/v2/{project_id}</c> group):
/// the token must be present, known, live, and scoped to the URL's project. AK/SK signature
/// verification belongs here too when it comes.
/// </summary>
internal sealed class MrsAuthFilter : IEndpointFilter
{
    private readonly EmulatorState state;

    public MrsAuthFilter(EmulatorState state) => this.state = state;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = TokenValidator.Validate(http, state, out var failure);
        if (token is null)
        {
            return failure;
        }

        var projectId = http.GetRouteValue("project_id") as string ?? string.Empty;
        if (token.Project.Id != projectId)
        {
            return GatewayErrors.Canonical(
                StatusCodes.Status403Forbidden,
                "12000001",
                $"Invalid authentication: the token is not scoped to project {projectId}");
        }

        MrsCaller.FromToken(token).AttachTo(http);
        return await next(context).ConfigureAwait(false);
    }
}
