using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Submission;

/// <summary>
/// What one row goes through: the journal's record of earlier runs, the fuses, a sending slot, the
/// intent journaled before every attempt, the request (retried by the pipeline only while certainly not
/// processed), the outcome journaled after it, and a lookup when the answer was lost. Never throws:
/// every row ends as a <see cref="SubmissionOutcome"/>. This file sends; the lookups and the outcomes are
/// in the other parts of the class.
/// </summary>
internal sealed partial class RowSubmitter
{
    private readonly MrsSession _session;
    private readonly SubmissionOptions _options;
    private readonly CallContext _context;
    private readonly SemaphoreSlim _sending;
    private readonly SemaphoreSlim _probe = new(1);
    private readonly JobReconciler _reconciler;
    private readonly LookupGate _gate = new();
    private volatile bool _credentialsProven;
    private volatile bool _stopped;
    private JournalException? _journalFailure;

    public RowSubmitter(MrsSession session, SubmissionOptions options, CallContext context)
    {
        _session = session;
        _options = options;
        _context = context;
        _sending = new SemaphoreSlim(options.ThrottleLimit);
        // Before any row is looked up: a job the journal gives a row is no other row's, however old the claim.
        var recorded = (options.Journal?.RecordedJobs() ?? Enumerable.Empty<KeyValuePair<int, string>>()).Select(r => r.Value).ToList();
        _reconciler = new JobReconciler(session.Jobs, options, session.Clock, session.ClaimedJobs, recorded);
    }

    private SubmissionJournal? Journal => _options.Journal;

    public void StopSending() => _stopped = true;

    /// <summary>What an earlier run recorded for the row; throws when it recorded another job (so nothing is sent for this row or later ones).</summary>
    public JournalRow? CheckJournal(SubmissionRow row)
    {
        if (Journal is null || row.Job is null || Journal.Find(row.Number) is not { } earlier)
        {
            return null;
        }

        if (!string.Equals(earlier.DefinitionHash, Hash(row.Job), StringComparison.Ordinal))
        {
            _stopped = true;
            throw Journal.MismatchError(row.Number);
        }

        return earlier;
    }

    public async Task<SubmissionOutcome> RunAsync(SubmissionRow row, JournalRow? earlier)
    {
        try
        {
            if (row.Job is not { } job)
            {
                return new SubmissionOutcome(row, SubmissionOutcomeKind.Invalid);
            }

            if (earlier is { Outcome: { JobId.Length: > 0 } done } && done.Kind is JournalOutcomeKind.Accepted or JournalOutcomeKind.Reconciled)
            {
                var result = new JobSubmitResult(job, done.JobId, done.State ?? SubmitStates.Complete, done.ProjectId ?? _session.ProjectId, done.At);
                return new SubmissionOutcome(row, SubmissionOutcomeKind.FromJournal, result.For(row.Number, SubmissionOrigin.Journal));
            }

            if (earlier is { IntentAt: { } intentAt } && earlier.Outcome is null or { Kind: JournalOutcomeKind.Unknown }
                && await SettleEarlierRequestAsync(row, job, intentAt).ConfigureAwait(false) is { } settled)
            {
                return settled;
            }

            return await SendAsync(row, job).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new SubmissionOutcome(row, SubmissionOutcomeKind.Abandoned);
        }
        catch (MrsApiException ex)
        {
            // Listing to look the job up failed: it may or may not exist.
            return Unknown(row, ex, "the job list could not be read: " + ex.Summary);
        }
        catch (JournalException ex)
        {
            return JournalFailed(row, ex);
        }
        catch (Exception ex)
        {
            // Something unforeseen: say so for this row, never lose it.
            var failure = new MrsApiException(ex.Message, MrsErrorKind.Unknown, innerException: ex, outcome: RequestOutcome.Unknown);
            return Unknown(row, failure, "the row could not be completed: " + ex.Message);
        }
    }

    private async Task<SubmissionOutcome> SendAsync(SubmissionRow row, JobDefinition job)
    {
        if (NotSendable(row) is { } notSent)
        {
            return notSent;
        }

        var key = JobReconciler.LookupKey(job);
        await _gate.EnterSendAsync(key, _context.Cancellation).ConfigureAwait(false);
        var lastAttempt = default(DateTimeOffset);
        MrsApiException? lost;
        try
        {
            await _sending.WaitAsync(_context.Cancellation).ConfigureAwait(false);
            var probing = false;
            try
            {
                probing = await WaitForProvenCredentialsAsync().ConfigureAwait(false);
                if (NotSendable(row) is { } late)
                {
                    return late;
                }

                var hash = Journal is null ? string.Empty : Hash(job);   // the journal's hash hides secrets: not free, so only for a journal
                var context = _context.WithBeforeAttempt(() =>
                {
                    // A retry after a throttled or unsent attempt, once the run stopped sending (-ErrorAction Stop): not sent.
                    if (lastAttempt != default && _stopped)
                    {
                        throw new SendingStoppedException();
                    }

                    // Before every attempt on the wire: a rerun then knows when the last one left.
                    lastAttempt = _session.Clock.GetUtcNow();
                    Journal?.WriteIntent(row.Number, hash, job.ClusterId, job.JobName, job.JobType, lastAttempt);
                });
                try
                {
                    var result = await _session.Jobs.SubmitJobAsync(job, context).ConfigureAwait(false);
                    _credentialsProven = true;
                    if (!_reconciler.Claim(result.JobId!))
                    {
                        _context.Warn($"Row {row.Number}: job {result.JobId} was already claimed by another row, though the service gave it to this one. Check both rows with Get-MrsJobExecution -JobId {result.JobId}.");
                    }
                    RecordOutcome(row, hash, new JournalOutcome(JournalOutcomeKind.Accepted, result.JobId, result.State, _session.Clock.GetUtcNow(), ProjectId: result.ProjectId));
                    return new SubmissionOutcome(row, SubmissionOutcomeKind.Accepted, result.For(row.Number, SubmissionOrigin.Submitted));
                }
                catch (MrsApiException ex) when (ex.Outcome != RequestOutcome.Unknown)
                {
                    _options.Fuse.Observe(ex);
                    if (ex.StatusCode is { } status && status != System.Net.HttpStatusCode.Unauthorized && !_options.Fuse.IsBlown)
                    {
                        _credentialsProven = true;
                    }

                    var kind = ex.Outcome == RequestOutcome.NotSent ? JournalOutcomeKind.NotSent : JournalOutcomeKind.Refused;
                    RecordOutcome(row, hash, new JournalOutcome(kind, At: _session.Clock.GetUtcNow(), ErrorCode: ex.ErrorCode ?? ex.ErrorId, Message: ex.Summary));
                    return new SubmissionOutcome(row, SubmissionOutcomeKind.Refused, Refused(job, ex).For(row.Number, SubmissionOrigin.Refused), ex);
                }
                catch (Exception stopped) when (stopped is SendingStoppedException
                    || stopped is BackOffCancelledException { LastOutcome: RequestOutcome.Throttled or RequestOutcome.NotSent })
                {
                    // Stopped while waiting to send again after a throttled or unsent attempt: nothing was done, so a rerun may send it.
                    RecordOutcome(row, hash, new JournalOutcome(JournalOutcomeKind.NotSent, At: _session.Clock.GetUtcNow(), Message: "stopped while waiting to send it again"));
                    return new SubmissionOutcome(row, SubmissionOutcomeKind.Abandoned);
                }
                catch (OperationCanceledException) when (lastAttempt != default)
                {
                    // Cancelled with a request on the wire: the job may exist. The journal keeps the intent for a rerun.
                    return Unknown(row, null, "the command was stopped while the request was in flight");
                }
                catch (MrsApiException ex)
                {
                    _context.Trace.Verbose($"Row {row.Number}: the answer was lost ({ex.Summary}); looking the job up instead of sending it again.");
                    lost = ex;
                }
            }
            finally
            {
                if (probing)
                {
                    _probe.Release();
                }

                _sending.Release();
            }
        }
        finally
        {
            _gate.ExitSend(key);
        }

        // Looked up outside the sending slot (the settle time must not hold back other rows).
        var outcome = await LookUpAsync(row, job, lastAttempt, settle: true, lost).ConfigureAwait(false);
        if (outcome.Kind == SubmissionOutcomeKind.Unknown)
        {
            RecordOutcome(row, Journal is null ? string.Empty : Hash(job), new JournalOutcome(JournalOutcomeKind.Unknown, At: _session.Clock.GetUtcNow(), ErrorCode: ErrorIds.SubmissionOutcomeUnknown, Message: outcome.Detail));
        }

        return outcome;
    }

    // Until one answer has shown the credentials are good, requests go one at a time: a bad key sent N at
    // once would count N failures towards the five that lock it. True when this row goes alone.
    private async Task<bool> WaitForProvenCredentialsAsync()
    {
        if (_credentialsProven)
        {
            return false;
        }

        await _probe.WaitAsync(_context.Cancellation).ConfigureAwait(false);
        if (_credentialsProven)
        {
            _probe.Release();   // proven while this row waited: no need to go alone
            return false;
        }

        return true;
    }

}
