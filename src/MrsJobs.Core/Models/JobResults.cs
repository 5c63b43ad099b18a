using System.Collections.Generic;

namespace MrsJobs.Core.Models;

/// <summary>The values of <c>job_result</c>: the verdict on a job, the one thing that says whether it succeeded.</summary>
public static class JobResults
{
    /// <summary>Not decided yet: the job has not ended.</summary>
    public const string Undefined = "UNDEFINED";

    /// <summary>The job succeeded.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>The job failed.</summary>
    public const string Failed = "FAILED";

    /// <summary>The job was killed.</summary>
    public const string Killed = "KILLED";

    /// <summary>Every result.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Undefined, Succeeded, Failed, Killed };
}
