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
/// (<see cref="MrsAuthFilter"/>); then: content type, body contract, cluster admission, injected faults
/// (a queued one, else a draw of the fault mix), and finally the job is stored and accepted. The faults
/// that record the job (<see cref="FaultRule.RecordsJob"/>) store it exactly as an accepted one, then answer
/// badly or not at all.
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

        var fault = FaultAnswers.Take(state, clusterId, FaultOperation.Submit);
        if (fault is { RecordsJob: false })
        {
            return FaultAnswers.Answer(context, state, fault);
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
        var accepted = new JsonObject
        {
            ["job_submit_result"] = new JsonObject
            {
                ["job_id"] = job.JobId,
                ["state"] = "COMPLETE",
            },
        };
        return fault is null
            ? JsonReply.Create(StatusCodes.Status200OK, accepted)
            : FaultAnswers.Answer(context, state, fault, JsonReply.Serialize(accepted));
    }
}
