using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Submission;

/// <summary>How one row ended; the engine gives exactly one per row, in input order.</summary>
internal sealed class SubmissionOutcome
{
    internal SubmissionOutcome(SubmissionRow row, SubmissionOutcomeKind kind, JobSubmitResult? result = null, MrsApiException? error = null, string? detail = null, Journal.JournalException? journalFailure = null)
    {
        JournalFailure = journalFailure;
        Row = row;
        Kind = kind;
        Result = result;
        Error = error;
        Detail = detail;
    }

    /// <summary>The row.</summary>
    public SubmissionRow Row { get; }

    /// <summary>How it ended.</summary>
    public SubmissionOutcomeKind Kind { get; }

    /// <summary>The job (accepted, reconciled, from the journal), or the refused submission with its error code.</summary>
    public JobSubmitResult? Result { get; }

    /// <summary>The service's refusal, the lost answer, or the credentials refusal that stopped sending.</summary>
    public MrsApiException? Error { get; }

    /// <summary>Why nothing more was sent: the journal could not be written.</summary>
    public Journal.JournalException? JournalFailure { get; }

    /// <summary>For unknown outcomes: what listing found (nothing, or several candidates).</summary>
    public string? Detail { get; }

    /// <summary><c>true</c> when the row has a job id.</summary>
    public bool HasJob => Kind is SubmissionOutcomeKind.Accepted or SubmissionOutcomeKind.Reconciled or SubmissionOutcomeKind.FromJournal;
}
