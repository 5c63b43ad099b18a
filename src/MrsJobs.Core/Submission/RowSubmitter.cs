using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Submission;

/// <summary>
/// What one row goes through: the journal's record of earlier runs, the fuse, a sending slot, the
/// intent written before the request, the request (retried by the pipeline only while certainly not
/// processed), the outcome written after it, and reconciliation when the answer was lost. Never throws:
/// every row ends as a <see cref="SubmissionOutcome"/>.
/// </summary>
internal sealed class RowSubmitter
{
    private readonly MrsSession _session;
    private readonly SubmissionOptions _options;
    private readonly CallContext _context;
    private readonly SemaphoreSlim _sending;
    private readonly SemaphoreSlim _probe = new(1);
    private volatile bool _credentialsProven;
    private readonly JobReconciler _reconciler;
    private readonly ConcurrentDictionary<string, int> _inFlightByDefinition = new(StringComparer.Ordinal);
    private volatile bool _stopped;

    public RowSubmitter(MrsSession session, SubmissionOptions options, CallContext context)
    {
        _session = session;
        _options = options;
        _context = context;
        _sending = new SemaphoreSlim(options.ThrottleLimit);
        _reconciler = new JobReconciler(session.Jobs, options, session.Clock);
        foreach (var recorded in options.Journal?.RecordedJobs() ?? Array.Empty<KeyValuePair<int, string>>())
        {
            _reconciler.Claim(recorded.Value, recorded.Key);   // before any row is looked up: a job the journal gives a row is no other row's
        }
    }

    private SubmissionJournal? Journal => _options.Journal;

    private const string SeveralFound = JobReconciler.SeveralFoundPrefix;

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
                _reconciler.Claim(done.JobId!, row.Number);
                var result = new JobSubmitResult(done.JobId, done.State ?? SubmitStates.Complete, job.JobName, job.JobType, job.ClusterId, done.ProjectId ?? _session.ProjectId, (done.At ?? default).ToLocalTime());
                return new SubmissionOutcome(row, SubmissionOutcomeKind.FromJournal, result.For(row.Number, SubmissionOrigin.Journal));
            }

            if (earlier is { IntentAt: { } intentAt } && earlier.Outcome is null or { Kind: JournalOutcomeKind.Unknown })
            {
                // An earlier run sent it and never learned the answer: look before sending again, and send
                // again only once the earlier request is old enough that the service cannot still record it.
                var found = await ReconcileAsync(row, job, intentAt, settle: false).ConfigureAwait(false);
                if (found.Kind != SubmissionOutcomeKind.Unknown || found.Detail?.StartsWith(SeveralFound, StringComparison.Ordinal) == true)
                {
                    return found;
                }

                var settled = intentAt + _options.ResendAbsentAfter - _session.Clock.GetUtcNow();
                if (settled > TimeSpan.Zero)
                {
                    await _session.Clock.Delay(settled, _context.Cancellation).ConfigureAwait(false);
                    found = await ReconcileAsync(row, job, intentAt, settle: false).ConfigureAwait(false);
                    if (found.Kind != SubmissionOutcomeKind.Unknown || found.Detail?.StartsWith(SeveralFound, StringComparison.Ordinal) == true)
                    {
                        return found;
                    }
                }

                _context.Trace.Verbose($"Row {row.Number}: an earlier run's request of {intentAt:u} left no job; sending it again.");
            }

            return await SendAsync(row, job).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new SubmissionOutcome(row, SubmissionOutcomeKind.Abandoned);
        }
        catch (MrsApiException ex)
        {
            // Listing to reconcile failed: the job may or may not exist.
            return Unknown(row, ex, "the job list could not be read: " + ex.Summary);
        }
        catch (Exception ex)
        {
            // The journal could not be written (a full disk), or something unforeseen: say so for this row, never lose it.
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

        await _sending.WaitAsync(_context.Cancellation).ConfigureAwait(false);
        var hash = Hash(job);
        var probing = false;
        DateTimeOffset sentAt = default;
        MrsApiException? lost;
        try
        {
            // Until one answer has shown the credentials are good, requests go one at a time: a bad key
            // sent N at once would count N failures towards the five that lock it.
            if (!_credentialsProven)
            {
                await _probe.WaitAsync(_context.Cancellation).ConfigureAwait(false);
                if (_credentialsProven)
                {
                    _probe.Release();   // proven while this row waited: no need to go alone
                }
                else
                {
                    probing = true;
                }
            }

            if (NotSendable(row) is { } late)
            {
                return late;
            }

            _inFlightByDefinition.AddOrUpdate(hash, 1, (_, n) => n + 1);
            sentAt = _session.Clock.GetUtcNow();
            Journal?.WriteIntent(row.Number, hash, job.ClusterId, job.JobName, job.JobType, sentAt);
            try
            {
                var result = await _session.Jobs.SubmitJobAsync(job, _context).ConfigureAwait(false);
                _credentialsProven = true;
                _reconciler.Claim(result.JobId!, row.Number);
                Journal?.WriteOutcome(row.Number, hash, new JournalOutcome(JournalOutcomeKind.Accepted, result.JobId, result.State, _session.Clock.GetUtcNow(), ProjectId: result.ProjectId));
                return new SubmissionOutcome(row, SubmissionOutcomeKind.Accepted, result.For(row.Number, SubmissionOrigin.Submitted));
            }
            catch (MrsApiException ex) when (ex.Outcome != RequestOutcome.Unknown)
            {
                _options.Fuse.Observe(ex);
                _credentialsProven |= ex.StatusCode is { } status && status != System.Net.HttpStatusCode.Unauthorized && !_options.Fuse.IsBlown;
                var kind = ex.Outcome == RequestOutcome.NotSent ? JournalOutcomeKind.NotSent : JournalOutcomeKind.Refused;
                Journal?.WriteOutcome(row.Number, hash, new JournalOutcome(kind, At: _session.Clock.GetUtcNow(), ErrorCode: ex.ErrorCode ?? ex.ErrorId, Message: ex.Summary));
                return new SubmissionOutcome(row, SubmissionOutcomeKind.Refused, Refused(job, ex).For(row.Number, SubmissionOrigin.Submitted), ex);
            }
            catch (BackOffCancelledException stopped) when (stopped.LastOutcome is RequestOutcome.Throttled or RequestOutcome.NotSent)
            {
                // Stopped while waiting to send again after a throttled or unsent attempt: nothing was done, so a rerun may send it.
                Journal?.WriteOutcome(row.Number, hash, new JournalOutcome(JournalOutcomeKind.NotSent, At: _session.Clock.GetUtcNow(), Message: "stopped while waiting to send it again"));
                return new SubmissionOutcome(row, SubmissionOutcomeKind.Abandoned);
            }
            catch (MrsApiException ex)
            {
                _context.Trace.Verbose($"Row {row.Number}: the answer was lost ({ex.Summary}); looking the job up instead of sending it again.");
                lost = ex;
            }
        }
        finally
        {
            if (sentAt != default)
            {
                // Count down, and drop the entry at zero: a run of unique rows keeps none.
                if (_inFlightByDefinition.AddOrUpdate(hash, 0, (_, n) => Math.Max(0, n - 1)) == 0)
                {
                    ((ICollection<KeyValuePair<string, int>>)_inFlightByDefinition).Remove(new KeyValuePair<string, int>(hash, 0));
                }
            }

            if (probing)
            {
                _probe.Release();
            }

            _sending.Release();
        }

        // Looked up outside the sending slot (the settle time must not hold back other rows), and only once
        // no identical row is in flight: its job, about to be claimed by its own answer, is not this row's.
        await WhileIdenticalRowsAreInFlightAsync(hash).ConfigureAwait(false);
        return await AfterLostAnswerAsync(row, job, hash, sentAt, lost).ConfigureAwait(false);
    }

    private async Task WhileIdenticalRowsAreInFlightAsync(string hash)
    {
        while (_inFlightByDefinition.TryGetValue(hash, out var inFlight) && inFlight > 0)
        {
            await _session.Clock.Delay(TimeSpan.FromMilliseconds(50), _context.Cancellation).ConfigureAwait(false);
        }
    }

    private async Task<SubmissionOutcome> AfterLostAnswerAsync(SubmissionRow row, JobDefinition job, string hash, DateTimeOffset sentAt, MrsApiException lost)
    {
        var outcome = await ReconcileAsync(row, job, sentAt, settle: true, lost).ConfigureAwait(false);
        if (outcome.Kind == SubmissionOutcomeKind.Unknown)
        {
            Journal?.WriteOutcome(row.Number, hash, new JournalOutcome(JournalOutcomeKind.Unknown, At: _session.Clock.GetUtcNow(), ErrorCode: ErrorIds.SubmissionOutcomeUnknown, Message: outcome.Detail));
        }

        return outcome;
    }

    private async Task<SubmissionOutcome> ReconcileAsync(SubmissionRow row, JobDefinition job, DateTimeOffset sentAt, bool settle, MrsApiException? lost = null)
    {
        var (found, detail) = await _reconciler.FindAsync(row.Number, job, sentAt, _context, settle).ConfigureAwait(false);
        if (found is null)
        {
            return Unknown(row, lost, detail);
        }

        var result = new JobSubmitResult(found.JobId, SubmitStates.Complete, job.JobName, job.JobType, job.ClusterId, _session.ProjectId, (found.SubmittedAt ?? sentAt).ToLocalTime(), row: row.Number, origin: SubmissionOrigin.Reconciled);
        Journal?.WriteOutcome(row.Number, Hash(job), new JournalOutcome(JournalOutcomeKind.Reconciled, found.JobId, SubmitStates.Complete, _session.Clock.GetUtcNow(), ProjectId: _session.ProjectId));
        return new SubmissionOutcome(row, SubmissionOutcomeKind.Reconciled, result);
    }

    private SubmissionOutcome? NotSendable(SubmissionRow row)
    {
        if (_stopped || _context.Cancellation.IsCancellationRequested)
        {
            return new SubmissionOutcome(row, SubmissionOutcomeKind.Abandoned);
        }

        return _options.Fuse.Cause is { } refusal
            ? new SubmissionOutcome(row, SubmissionOutcomeKind.NotSentAfterAuthenticationFailure, error: refusal)
            : null;
    }

    private static SubmissionOutcome Unknown(SubmissionRow row, MrsApiException? cause, string detail) =>
        new(row, SubmissionOutcomeKind.Unknown, error: cause, detail: detail);

    private JobSubmitResult Refused(JobDefinition job, MrsApiException ex) => new(
        null, SubmitStates.Failed, job.JobName, job.JobType, job.ClusterId, _session.ProjectId, _session.Clock.GetLocalNow(), ex.ErrorCode, ex.ServiceMessage ?? ex.Summary);

    private static string Hash(JobDefinition job) =>
        JobDefinitionHash.Compute(job.ClusterId, job.JobType, job.JobName, job.Arguments, job.Properties);
}
