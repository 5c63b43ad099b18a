using System;
using System.Collections.Generic;

namespace MrsJobs.Emulator.State;

/// <summary>A job the emulator accepted, kept for the job lifecycle endpoints.</summary>
/// <param name="JobId">The job id returned in <c>job_submit_result.job_id</c>.</param>
/// <param name="ProjectId">The project of the submission URL.</param>
/// <param name="ClusterId">The cluster of the submission URL.</param>
/// <param name="JobType">The stored job type (<c>SparkPython</c> is stored as <c>SparkSubmit</c>).</param>
/// <param name="JobName">The job name.</param>
/// <param name="Arguments">The arguments, in order (empty when none were sent).</param>
/// <param name="Properties">The properties (empty when none were sent).</param>
/// <param name="User">The IAM user name that submitted the job.</param>
/// <param name="SubmittedAt">When the submission was accepted.</param>
public sealed record StoredJob(
    string JobId,
    string ProjectId,
    string ClusterId,
    string JobType,
    string JobName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Properties,
    string User,
    DateTimeOffset SubmittedAt)
{
    /// <summary>The timeline the job follows (see <see cref="JobTimeline"/>).</summary>
    public JobPlan Plan { get; init; } = JobPlan.Default;

    /// <summary>When the job was killed, or <see langword="null"/>.</summary>
    public DateTimeOffset? KilledAt { get; init; }

    /// <summary>The YARN application number of the launcher; the job's own application is the next number.</summary>
    public int ApplicationNumber { get; init; }
}
