using System;
using System.Text.RegularExpressions;

namespace MrsJobs.Emulator.State;

/// <summary>How a job ends when nobody kills it.</summary>
public enum JobOutcome
{
    /// <summary><c>FINISHED</c> with <c>SUCCEEDED</c>.</summary>
    Succeeded,

    /// <summary><c>FINISHED</c> with <c>FAILED</c>: the YARN application ended, the job failed.</summary>
    FinishedFailed,

    /// <summary><c>FAILED</c> with <c>FAILED</c>.</summary>
    Failed,
}

/// <summary>
/// The timeline of jobs whose name matches <see cref="JobName"/>: how long each stays <c>NEW</c>,
/// <c>ACCEPTED</c> and <c>RUNNING</c>, how it ends, and the SQL result it leaves. A job takes the
/// plan in force when it is submitted and keeps it.
/// </summary>
/// <param name="JobName">A job-name pattern; <c>*</c> stands for any run of characters (case-sensitive).</param>
/// <param name="NewDuration">How long the job stays <c>NEW</c>.</param>
/// <param name="AcceptedDuration">How long the job stays <c>ACCEPTED</c>.</param>
/// <param name="RunningDuration">How long the job stays <c>RUNNING</c>.</param>
/// <param name="Outcome">How the job ends.</param>
/// <param name="SqlResultsJson">The <c>sql_results</c> object as JSON text; <see langword="null"/> for the default rows.</param>
public sealed record JobPlan(
    string JobName,
    TimeSpan NewDuration,
    TimeSpan AcceptedDuration,
    TimeSpan RunningDuration,
    JobOutcome Outcome,
    string? SqlResultsJson)
{
    /// <summary>The default plan: 100 ms <c>NEW</c>, 200 ms <c>ACCEPTED</c>, 1500 ms <c>RUNNING</c>, then <c>FINISHED</c>/<c>SUCCEEDED</c>.</summary>
    public static JobPlan Default { get; } = new(
        "*",
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromMilliseconds(1500),
        JobOutcome.Succeeded,
        null);

    /// <summary>Whether <paramref name="jobName"/> matches <see cref="JobName"/>.</summary>
    /// <param name="jobName">A job name.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public bool Matches(string jobName)
    {
        var pattern = "^" + Regex.Escape(JobName).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(jobName, pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
