using System;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Submission;

/// <summary>Looking a job up: after a lost answer, and for a row an earlier run sent without learning the answer.</summary>
internal sealed partial class RowSubmitter
{
    // An earlier run sent it and never learned the answer: look before sending again, and send again only
    // once the earlier request is older than the time the session allows a request (-TimeoutSec), after
    // which the service cannot still be recording it. Null: nothing found, send it.
    private async Task<SubmissionOutcome?> SettleEarlierRequestAsync(SubmissionRow row, JobDefinition job, DateTimeOffset intentAt)
    {
        var found = await LookUpAsync(row, job, intentAt, settle: false).ConfigureAwait(false);
        if (found.Kind != SubmissionOutcomeKind.Unknown || IsAmbiguous(found))
        {
            return found;
        }

        var settled = intentAt + (_options.ResendAbsentAfter ?? _session.Timeout);
        var quiet = settled - _session.Clock.GetUtcNow();
        if (quiet > TimeSpan.Zero)
        {
            _context.Trace.Verbose($"Row {row.Number}: an earlier run's request of {intentAt:u} left no job yet; looking again at {settled:u}, when it can no longer be recorded.");
            await _session.Clock.Delay(quiet, _context.Cancellation).ConfigureAwait(false);
            found = await LookUpAsync(row, job, intentAt, settle: false).ConfigureAwait(false);
            if (found.Kind != SubmissionOutcomeKind.Unknown || IsAmbiguous(found))
            {
                return found;
            }
        }

        _context.Trace.Verbose($"Row {row.Number}: an earlier run's request of {intentAt:u} left no job; sending it again.");
        return null;
    }

    // A lookup runs alone for its kind of job: the identical rows in flight get their answers (and claim
    // their jobs) first, and no new one is sent until the lookup is done.
    private async Task<SubmissionOutcome> LookUpAsync(SubmissionRow row, JobDefinition job, DateTimeOffset sentAt, bool settle, MrsApiException? lost = null)
    {
        var key = JobReconciler.LookupKey(job);
        await _gate.EnterLookupAsync(key, _context.Cancellation).ConfigureAwait(false);
        try
        {
            var (found, detail) = await _reconciler.FindAsync(row.Number, job, sentAt, _context, settle).ConfigureAwait(false);
            if (found is null)
            {
                return Unknown(row, lost, detail);
            }

            var result = new JobSubmitResult(job, found.JobId, SubmitStates.Complete, _session.ProjectId, found.SubmittedAt ?? sentAt).For(row.Number, SubmissionOrigin.Reconciled);
            RecordOutcome(row, Journal is null ? string.Empty : Hash(job), new JournalOutcome(JournalOutcomeKind.Reconciled, found.JobId, SubmitStates.Complete, _session.Clock.GetUtcNow(), ProjectId: _session.ProjectId));
            return new SubmissionOutcome(row, SubmissionOutcomeKind.Reconciled, result);
        }
        finally
        {
            _gate.ExitLookup(key);
        }
    }
}
