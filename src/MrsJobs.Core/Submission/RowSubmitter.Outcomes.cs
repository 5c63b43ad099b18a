using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;
using MrsJobs.Core.Security;

namespace MrsJobs.Core.Submission;

/// <summary>What a row's outcome is made of, and what the journal is told.</summary>
internal sealed partial class RowSubmitter
{
    // An outcome the journal cannot take: the row's outcome stands (the job exists, or was refused), but the
    // journal no longer keeps its promise, so nothing more is sent.
    private void RecordOutcome(SubmissionRow row, string hash, JournalOutcome outcome)
    {
        try
        {
            Journal?.WriteOutcome(row.Number, hash, outcome);
        }
        catch (JournalException ex)
        {
            Interlocked.CompareExchange(ref _journalFailure, ex, null);
            _stopped = true;
            _context.Warn($"Row {row.Number}: {ex.Message} Nothing more is sent.");
        }
    }

    private SubmissionOutcome? NotSendable(SubmissionRow row)
    {
        if (Volatile.Read(ref _journalFailure) is { } journal)
        {
            return JournalFailed(row, journal);
        }

        if (_stopped || _context.Cancellation.IsCancellationRequested)
        {
            return new SubmissionOutcome(row, SubmissionOutcomeKind.Abandoned);
        }

        return _options.Fuse.Cause is { } refusal
            ? new SubmissionOutcome(row, SubmissionOutcomeKind.NotSentAfterAuthenticationFailure, error: refusal)
            : null;
    }

    // The journal could not take an intent: that attempt was not sent (earlier ones, if any, were
    // certainly not processed), and no later row is sent either.
    private SubmissionOutcome JournalFailed(SubmissionRow row, JournalException failure)
    {
        Interlocked.CompareExchange(ref _journalFailure, failure, null);
        _stopped = true;
        return new SubmissionOutcome(row, SubmissionOutcomeKind.NotSentAfterJournalFailure, journalFailure: Volatile.Read(ref _journalFailure));
    }

    /// <summary>A retry not sent because the run stopped sending.</summary>
    private sealed class SendingStoppedException : Exception
    {
        public SendingStoppedException()
            : base("The run stopped sending before this attempt.")
        {
        }
    }

    private static bool IsAmbiguous(SubmissionOutcome outcome) =>
        outcome.Detail?.StartsWith(JobReconciler.SeveralFoundPrefix, StringComparison.Ordinal) == true;

    private static SubmissionOutcome Unknown(SubmissionRow row, MrsApiException? cause, string detail) =>
        new(row, SubmissionOutcomeKind.Unknown, error: cause, detail: detail);

    private JobSubmitResult Refused(JobDefinition job, MrsApiException ex) => new(
        null, SubmitStates.Failed, job.JobName, job.JobType, job.ClusterId, _session.ProjectId, _session.Clock.GetUtcNow(), ex.ErrorCode, ex.ServiceMessage ?? ex.Summary)
    {
        Arguments = ShownDefinition.Arguments(job.Arguments),
        Properties = ShownDefinition.Properties(job.Properties),
    };

    // The journal's hash of a job, computed with secrets hidden (secret-looking property values, secret
    // assignments in arguments): a journal is no oracle for guessing them, and a rotated secret is still the same job.
    private static string Hash(JobDefinition job) =>
        JobDefinitionHash.Compute(
            job.ClusterId,
            job.JobType,
            job.JobName,
            Redactor.Arguments(job.Arguments),
            job.Properties.Select(p => new KeyValuePair<string, string>(p.Key, Redactor.PropertyValue(p.Key, p.Value))).ToList());
}
