using System;

namespace MrsJobs.Emulator.State;

/// <summary>A job as the service would report it at one instant.</summary>
/// <param name="State">NEW, ACCEPTED, RUNNING, FINISHED, FAILED or KILLED.</param>
/// <param name="Result">UNDEFINED until the job ends; then SUCCEEDED, FAILED or KILLED.</param>
/// <param name="Progress">0 to 100; 100 only once FINISHED.</param>
/// <param name="StartedTime">When RUNNING began, UTC epoch ms; 0 before.</param>
/// <param name="FinishedTime">When the job ended, UTC epoch ms; 0 before.</param>
/// <param name="ElapsedTime">Milliseconds since RUNNING began (to the end once ended); 0 before.</param>
/// <param name="IsTerminal">Whether the job has ended.</param>
public sealed record JobStatus(
    string State,
    string Result,
    float Progress,
    long StartedTime,
    long FinishedTime,
    long ElapsedTime,
    bool IsTerminal)
{
    /// <summary>Whether the job reached RUNNING, so its YARN application exists.</summary>
    public bool HasStarted => StartedTime != 0;
}

/// <summary>
/// Derives a job's state from the clock: <c>NEW</c> for the plan's new duration after submission, then
/// <c>ACCEPTED</c>, then <c>RUNNING</c>, then the plan's outcome; a kill before the end makes it
/// <c>KILLED</c>/<c>KILLED</c> at once.
/// </summary>
public static class JobTimeline
{
    /// <summary>The job as reported at <paramref name="now"/>.</summary>
    /// <param name="job">The job.</param>
    /// <param name="now">The current time.</param>
    /// <returns>Its status.</returns>
    public static JobStatus At(StoredJob job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var plan = job.Plan;
        var accepted = job.SubmittedAt + plan.NewDuration;
        var started = accepted + plan.AcceptedDuration;
        var planned = started + plan.RunningDuration;
        var end = job.KilledAt is { } killed && killed < planned ? killed : planned;
        var terminal = now >= end;
        var at = terminal ? end : now;
        var hasStarted = at >= started;
        var startedTime = hasStarted ? started.ToUnixTimeMilliseconds() : 0;
        var finishedTime = terminal ? end.ToUnixTimeMilliseconds() : 0;
        var elapsed = hasStarted ? (long)(at - started).TotalMilliseconds : 0;

        var (state, result) = !terminal
            ? (at < accepted ? "NEW" : hasStarted ? "RUNNING" : "ACCEPTED", "UNDEFINED")
            : job.KilledAt is not null && end < planned ? ("KILLED", "KILLED")
            : plan.Outcome switch
            {
                JobOutcome.Succeeded => ("FINISHED", "SUCCEEDED"),
                JobOutcome.FinishedFailed => ("FINISHED", "FAILED"),
                _ => ("FAILED", "FAILED"),
            };

        return new JobStatus(state, result, Progress(state, hasStarted, at - started, plan.RunningDuration), startedTime, finishedTime, elapsed, terminal);
    }

    private static float Progress(string state, bool hasStarted, TimeSpan running, TimeSpan planned)
    {
        if (state == "FINISHED")
        {
            return 100f;
        }

        if (!hasStarted)
        {
            return 0f;
        }

        var share = planned <= TimeSpan.Zero ? 99d : Math.Min(99d, 100d * running / planned);
        return (float)Math.Round(share, 1);
    }
}
