namespace MrsJobs.Core.Models;

/// <summary>How a <see cref="JobSubmitResult"/>'s job id was learned, or why its row became no job (New-MrsJobExecution -IncludeFailed).</summary>
public enum SubmissionOrigin
{
    /// <summary>The service answered the submission with the job id.</summary>
    Submitted,

    /// <summary>The answer was lost (broken connection, unreadable answer); the job was found by listing the cluster's jobs.</summary>
    Reconciled,

    /// <summary>An earlier run with the same <c>-JournalPath</c> submitted it; nothing was sent this time.</summary>
    Journal,

    /// <summary>No job: the row broke a local rule and was not sent (<c>InvalidJobDefinition.*</c>).</summary>
    Invalid,

    /// <summary>No job: the service refused the submission, or it could not be delivered after the retries (<c>MrsApiError.*</c>, <c>MrsConnection</c>, …).</summary>
    Refused,

    /// <summary>No job: the row was not sent because an earlier request was refused for its credentials, or the journal could not be written.</summary>
    NotSent,

    /// <summary>Maybe a job: the answer was lost and listing the cluster's jobs could not settle whether the job exists (<c>MrsSubmissionOutcomeUnknown</c>).</summary>
    Unknown,
}
