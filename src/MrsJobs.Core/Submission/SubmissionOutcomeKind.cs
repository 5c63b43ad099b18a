namespace MrsJobs.Core.Submission;

/// <summary>How one row of a bulk submission ended.</summary>
internal enum SubmissionOutcomeKind
{
    /// <summary>The service accepted the job and said so.</summary>
    Accepted,

    /// <summary>The answer was lost, and the job was found by listing: it exists exactly once.</summary>
    Reconciled,

    /// <summary>An earlier run with the same journal submitted it; nothing was sent.</summary>
    FromJournal,

    /// <summary>The service refused it (its code says why), or gave up on it after retries.</summary>
    Refused,

    /// <summary>Not sent: the row broke a documented rule.</summary>
    Invalid,

    /// <summary>Not sent: an earlier request of the run was refused for its credentials.</summary>
    NotSentAfterAuthenticationFailure,

    /// <summary>Not sent: the journal could not be written (for this row or an earlier one), so the run stopped sending.</summary>
    NotSentAfterJournalFailure,

    /// <summary>The job may or may not exist: the answer was lost and listing could not settle it.</summary>
    Unknown,

    /// <summary>Not sent because the run was stopped (Ctrl+C, or -ErrorAction Stop) before its turn.</summary>
    Abandoned,
}
