using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Submission;

/// <summary>
/// Submits a stream of rows, up to <see cref="SubmissionOptions.ThrottleLimit"/> at a time, and hands
/// back exactly one <see cref="SubmissionOutcome"/> per row, in input order. Admission is bounded by a
/// reorder window, so the input is never read far ahead of what has been written: memory stays flat
/// for any number of rows. What each row goes through is <see cref="RowSubmitter"/>'s.
/// </summary>
internal sealed class SubmissionEngine
{
    private readonly SemaphoreSlim _window;
    private readonly SemaphoreSlim _queued = new(0);
    private readonly Queue<Task<SubmissionOutcome>> _order = new();
    private readonly Action<SubmissionOutcome> _deliver;
    private readonly RowSubmitter _submitter;
    private readonly CancellationToken _cancellation;
    private readonly Task _drain;
    private readonly SubmissionJournal? _journal;
    private volatile bool _completed;

    /// <summary>Creates an engine that submits over <paramref name="session"/>.</summary>
    /// <param name="session">The session whose client sends.</param>
    /// <param name="options">Throttle limit, journal (which the engine closes in <see cref="Close"/>), fuse and reconciliation settings.</param>
    /// <param name="context">Trace sink and cancellation of the whole run (Ctrl+C).</param>
    /// <param name="deliver">Receives each outcome, one at a time, in input order.</param>
    public SubmissionEngine(MrsSession session, SubmissionOptions options, CallContext context, Action<SubmissionOutcome> deliver)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        options ??= new SubmissionOptions();
        if (options.ThrottleLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The throttle limit must be at least 1.");
        }

        _deliver = deliver ?? throw new ArgumentNullException(nameof(deliver));
        _cancellation = context.Cancellation;
        _window = new SemaphoreSlim(options.Window);
        _journal = options.Journal;
        _submitter = new RowSubmitter(session, options, context);
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>
    /// Admits one row: returns once it has a place in the reorder window (at once unless the window is
    /// full). Its outcome comes later through the delivery callback.
    /// </summary>
    /// <exception cref="JournalException">The journal recorded another job for this row: nothing is sent for it or any later row.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled while the row waited for room.</exception>
    public async Task AddAsync(SubmissionRow row)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        if (_completed)
        {
            throw new InvalidOperationException("The engine was completed; no more rows can be added.");
        }

        var earlier = _submitter.CheckJournal(row);
        await _window.WaitAsync(_cancellation).ConfigureAwait(false);
        if (_completed)
        {
            _window.Release();
            throw new InvalidOperationException("The engine was completed while the row waited for room; it was not sent.");
        }

        // Rows are added by one thread, in order; the row's work starts outside the lock (its first steps may
        // write the journal), and only the hand-over to the drain is locked.
        var work = _submitter.RunAsync(row, earlier);
        lock (_order)
        {
            _order.Enqueue(work);
        }

        _queued.Release();
    }

    /// <summary>No more rows will come; the returned task ends when every outcome has been delivered.</summary>
    public Task CompleteAsync()
    {
        lock (_order)
        {
            if (_completed)
            {
                return _drain;
            }

            _completed = true;
        }

        _queued.Release();
        return _drain;
    }

    /// <summary>
    /// Ends the run whatever state it is in: sends nothing more, waits until every row has its outcome
    /// (cancel the run's token first for a quick end), then closes the journal. Nothing is sent after this
    /// returns; the journal is closed only when no row can write to it any more.
    /// </summary>
    public void Close()
    {
        StopSending();
        try
        {
            CompleteAsync().GetAwaiter().GetResult();
        }
        finally
        {
            _journal?.Dispose();
        }
    }

    /// <summary>
    /// Sends nothing more: rows not yet sent end as <see cref="SubmissionOutcomeKind.Abandoned"/>, rows in
    /// flight finish (and are journaled). For <c>-ErrorAction Stop</c>.
    /// </summary>
    public void StopSending() => _submitter.StopSending();

    private async Task DrainAsync()
    {
        while (true)
        {
            await _queued.WaitAsync().ConfigureAwait(false);
            Task<SubmissionOutcome> next;
            lock (_order)
            {
                if (_order.Count == 0)
                {
                    if (_completed)
                    {
                        return;
                    }

                    continue;
                }

                next = _order.Peek();
            }

            var outcome = await next.ConfigureAwait(false);
            lock (_order)
            {
                _order.Dequeue();
            }

            try
            {
                _deliver(outcome);
            }
            catch (Exception ex)
            {
                // The receiver failed (a bug, a pump already closed): the run must not hang for it.
                System.Diagnostics.Trace.TraceError("MrsJobs: an outcome could not be delivered: " + ex);
            }
            finally
            {
                _window.Release();
            }
        }
    }
}
