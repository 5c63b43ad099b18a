using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// <c>POST …/job-executions/{job_execution_id}/kill</c> (StopJob): 202 with an empty body, and the job is
/// <c>KILLED</c>/<c>KILLED</c> from that instant. A job that has already ended gets 500
/// <c>{"error_code":"0175","error_msg":"Failed to terminate the job."}</c>. A request body is ignored.
/// </summary>
internal static class KillJobEndpoint
{
    public const string FailedMessage = "Failed to terminate the job.";

    public static IResult Handle(EmulatorState state, StoredJob job) =>
        state.Jobs.Kill(job.JobId, state.Time.GetUtcNow()) is null
            ? MrsErrors.JobRefused("0175", FailedMessage)
            : Results.StatusCode(StatusCodes.Status202Accepted);
}
