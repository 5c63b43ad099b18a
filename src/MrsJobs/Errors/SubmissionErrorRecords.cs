using MrsJobs.Core.Errors;
using System;
using System.Management.Automation;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Submission;

namespace MrsJobs.Errors;

/// <summary>The errors of a bulk submission: what a row's outcome says when it is not a job, and journal problems.</summary>
internal static class SubmissionErrorRecords
{
    /// <summary>The error a row's outcome calls for, or <c>null</c> when it calls for none (a job, or an abandoned row).</summary>
    public static ErrorRecord? For(SubmissionOutcome outcome, RowSubject subject)
    {
        return outcome.Kind switch
        {
            SubmissionOutcomeKind.Invalid => ErrorRecords.InvalidJob(subject.Text, outcome.Row.Failures!, subject.Target),
            SubmissionOutcomeKind.Refused => ErrorRecords.FromApi(outcome.Error!, outcome.Result, subject.FromPipeline ? subject.Text : null),
            SubmissionOutcomeKind.NotSentAfterAuthenticationFailure => ErrorRecords.NotSentAfterAuthenticationFailure(subject.Text, outcome.Error!, subject.Target),
            SubmissionOutcomeKind.Unknown => OutcomeUnknown(outcome, subject),
            SubmissionOutcomeKind.NotSentAfterJournalFailure => NotSentAfterJournalFailure(outcome.JournalFailure!, subject),
            _ => null,
        };
    }

    /// <summary>A journal that cannot be used (in use, unreadable, written for other input): nothing is sent.</summary>
    public static ErrorRecord Journal(JournalException exception)
    {
        var category = exception.Problem switch
        {
            JournalProblem.InUse => ErrorCategory.ResourceBusy,
            JournalProblem.WrittenForOtherInput => ErrorCategory.InvalidData,
            JournalProblem.Unreadable => ErrorCategory.InvalidData,
            _ => ErrorCategory.WriteError,
        };
        return new ErrorRecord(exception, ErrorIds.JournalFamily + exception.Problem, category, exception.JournalPath);
    }

    private static ErrorRecord NotSentAfterJournalFailure(JournalException failure, RowSubject subject)
    {
        var message = $"{subject.Text} was not sent: the journal could not be written, so the run stopped sending. {failure.Message}";
        return new ErrorRecord(new InvalidOperationException(message, failure), ErrorIds.JournalFamily + failure.Problem, ErrorCategory.WriteError, subject.Target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }

    private static ErrorRecord OutcomeUnknown(SubmissionOutcome outcome, RowSubject subject)
    {
        var job = outcome.Row.Job!;
        var cause = outcome.Error is { } error ? error.Summary : "an earlier run sent it and never learned the answer";
        var message = $"{subject.Text}: the job may or may not exist. {cause} Listing the cluster's jobs could not settle it: {outcome.Detail}. "
            + $"Check with: Get-MrsJobExecution -ClusterId {job.ClusterId} -JobName {job.JobName} -SubmittedAfter (Get-Date).AddHours(-1). "
            + "Rerunning with the same -JournalPath looks again and sends it only if it is still absent.";
        return new ErrorRecord(new InvalidOperationException(message, outcome.Error), ErrorIds.SubmissionOutcomeUnknown, ErrorCategory.InvalidResult, subject.Target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }
}
