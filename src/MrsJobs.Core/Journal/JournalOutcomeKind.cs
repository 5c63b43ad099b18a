namespace MrsJobs.Core.Journal;

/// <summary>What became of a row, as the journal records it.</summary>
internal enum JournalOutcomeKind
{
    /// <summary>The service accepted the job and gave its id.</summary>
    Accepted,

    /// <summary>The request's answer was lost, and the job was found on the cluster afterwards.</summary>
    Reconciled,

    /// <summary>The service answered and refused the job.</summary>
    Refused,

    /// <summary>The job was not sent (stopped, cancelled, or an earlier failure).</summary>
    NotSent,

    /// <summary>The request may or may not have reached the service, and no job was found for it.</summary>
    Unknown,

    /// <summary>The row failed validation before anything was sent.</summary>
    Invalid,
}
