namespace MrsJobs.Core.Models;

/// <summary>The values of <c>job_submit_result.state</c>.</summary>
public static class SubmitStates
{
    /// <summary>The job was submitted.</summary>
    public const string Complete = "COMPLETE";

    /// <summary>The submission was refused.</summary>
    public const string Failed = "FAILED";

    /// <summary>The spelling one page of the documentation gives for a refused submission.</summary>
    public const string SubmitFailedAlias = "JOBSTAT_SUBMIT_FAILED";
}
