using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// The MRS route group, <c>/v2/{project_id}</c>. Every endpoint in it passes <see cref="MrsAuthFilter"/>;
/// the job lifecycle endpoints (list, show, kill, batch-delete, sql-result) go here too.
/// </summary>
internal static class MrsRoutes
{
    public static void MapMrs(this IEndpointRouteBuilder endpoints)
    {
        var mrs = endpoints.MapGroup("/v2/{project_id}").AddEndpointFilter<MrsAuthFilter>();
        var jobs = mrs.MapGroup("/clusters/{cluster_id}/job-executions");
        jobs.MapPost(string.Empty, SubmitJobEndpoint.HandleAsync);
    }
}
