namespace MrsJobs.Core.Models;

/// <summary>How a <see cref="JobSubmitResult"/>'s job id was learned.</summary>
public enum SubmissionOrigin
{
    /// <summary>The service answered the submission with the job id.</summary>
    Submitted,

    /// <summary>The answer was lost (broken connection, unreadable answer); the job was found by listing the cluster's jobs.</summary>
    Reconciled,

    /// <summary>An earlier run with the same <c>-JournalPath</c> submitted it; nothing was sent this time.</summary>
    Journal,
}
