using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// The MRS route group, <c>/v2/{project_id}</c>. Every endpoint in it passes <see cref="MrsAuthFilter"/>;
/// it holds submission and the job lifecycle (list, show, kill, batch-delete, sql-result).
/// </summary>
internal static class MrsRoutes
{
    public static void MapMrs(this IEndpointRouteBuilder endpoints)
    {
        var mrs = endpoints.MapGroup("/v2/{project_id}").AddEndpointFilter<MrsAuthFilter>();
        var jobs = mrs.MapGroup("/clusters/{cluster_id}/job-executions");
        jobs.MapPost(string.Empty, SubmitJobEndpoint.HandleAsync).WithMetadata(MrsTraffic.Submission);
        jobs.MapGet(string.Empty, ListJobsEndpoint.Handle);
        jobs.MapPost("/batch-delete", BatchDeleteEndpoint.HandleAsync);
        jobs.MapGet("/{job_execution_id}", JobLookup.Route(FaultOperation.Show, ShowJobEndpoint.Handle));
        jobs.MapPost("/{job_execution_id}/kill", JobLookup.Route(FaultOperation.Kill, KillJobEndpoint.Handle));
        jobs.MapGet("/{job_execution_id}/sql-result", JobLookup.Route(FaultOperation.SqlResult, SqlResultEndpoint.Handle));
    }
}
