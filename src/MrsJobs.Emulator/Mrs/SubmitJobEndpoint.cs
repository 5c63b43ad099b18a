using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// <c>POST /v2/{project_id}/clusters/{cluster_id}/job-executions</c>. Authentication ran before this
/// (<see cref="MrsAuthFilter"/>); then: content type, body contract, cluster admission, queued
/// faults, and finally the job is stored and accepted.
/// </summary>
internal static class SubmitJobEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromRoute(Name = "project_id")] string projectId,
        [FromRoute(Name = "cluster_id")] string clusterId,
        EmulatorState state)
    {
        if (ContentTypeRule.Check(context.Request) is { } unsupported)
        {
            return unsupported;
        }

        var body = await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false);
        var submission = JobSubmissionRules.Check(body, state.Settings.ArgumentCharacterCheck, out var error);
        if (submission is null)
        {
            return MrsErrors.InvalidParameter(error!);
        }

        var caller = MrsCaller.Get(context);
        var refusal = ClusterGate.Check(state, projectId, clusterId, caller.UserName, submission.JobType);
        if (refusal is not null)
        {
            return refusal;
        }

        if (state.Faults.TryTake(clusterId) is { } fault)
        {
            return MrsErrors.FromFault(context, fault);
        }

        var job = state.Admit(new StoredJob(
            Guid.NewGuid().ToString(),
            projectId,
            clusterId,
            JobTypes.StoredAs(submission.JobType),
            submission.JobName,
            submission.Arguments,
            submission.Properties,
            caller.UserName,
            state.Time.GetUtcNow()));
        return JsonReply.Create(StatusCodes.Status200OK, new JsonObject
        {
            ["job_submit_result"] = new JsonObject
            {
                ["job_id"] = job.JobId,
                ["state"] = "COMPLETE",
            },
        });
    }
}
