using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// <c>GET /v2/{project_id}/clusters/{cluster_id}/job-executions/{job_execution_id}</c> (ShowSingleJobExe):
/// 202 <c>{"job_detail":{JobQueryBean}}</c>, the state as of the emulator clock.
/// </summary>
internal static class ShowJobEndpoint
{
    public static IResult Handle(EmulatorState state, StoredJob job)
    {
        var status = JobTimeline.At(job, state.Time.GetUtcNow());
        return JsonReply.Create(StatusCodes.Status202Accepted, new JsonObject
        {
            ["job_detail"] = JobQueryBean.Describe(job, status),
        });
    }
}
