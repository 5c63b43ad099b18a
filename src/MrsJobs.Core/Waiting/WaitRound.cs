using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Waiting;

/// <summary>
/// One round of a wait, read one request at a time so that the caller can write what each request
/// settled at once: per cluster, as <see cref="RoundPlanner"/> planned, the pages of its job list and then
/// a show of each job the list did not show, or a show of each job. Every request waits its turn on the
/// session's read pacer (at most 10 a second, lists and shows alike; the list's extra requests, its
/// <c>offset=0</c> probe and a page asked again with the default size, too) and is not retried at once: a
/// failed read is tried again in the next round.
/// </summary>
internal sealed class WaitRound
{
    private readonly JobWatchList _jobs;
    private readonly MrsSession _session;
    private readonly Queue<ClusterReadPlan> _plans;
    private readonly Queue<WatchedJob> _shows = new();
    private ClusterReadPlan? _listing;
    private JobListPager? _pager;
    private Dictionary<string, WatchedJob>? _unseen;
    private int _pages;

    /// <summary>Plans a round over the jobs <paramref name="jobs"/> still waits for; nothing is sent until <see cref="NextAsync"/>.</summary>
    public WaitRound(JobWatchList jobs, MrsSession session)
    {
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _session = session ?? throw new ArgumentNullException(nameof(session));
        var serviceNow = session.Jobs.ServerClockOffset is { } offset ? session.Clock.GetUtcNow() + offset : (DateTimeOffset?)null;
        Plans = RoundPlanner.Plan(jobs.Pending, jobs.Listings, serviceNow);
        _plans = new Queue<ClusterReadPlan>(Plans);
    }

    /// <summary>The round's plan, one entry per cluster.</summary>
    public IReadOnlyList<ClusterReadPlan> Plans { get; }

    /// <summary><c>true</c> while a request of this round is still to be sent.</summary>
    public bool HasNext
    {
        get
        {
            Advance();
            return _pager is not null || _shows.Count > 0;
        }
    }

    /// <summary>Sends the round's next request (a page of a list, or a show) after the pacer's turn, and records what it read.</summary>
    /// <exception cref="MrsApiException">The credentials were refused or have expired (<see cref="JobWatchList.EndsTheWait"/>): no further read can succeed.</exception>
    public async Task<RoundStep> NextAsync(CallContext context)
    {
        var step = new RoundStep();
        if (!HasNext)
        {
            return step;
        }

        await _session.ReadPacer.WaitTurnAsync(_session.Clock, context.Cancellation).ConfigureAwait(false);
        if (_pager is not null)
        {
            await ReadPageAsync(step, context).ConfigureAwait(false);
        }
        else
        {
            await ShowAsync(_shows.Dequeue(), step, context).ConfigureAwait(false);
        }

        return step;
    }

    // Moves on to the next cluster's plan once the current one has nothing left to send.
    private void Advance()
    {
        while (_pager is null && _shows.Count == 0 && _plans.Count > 0)
        {
            var plan = _plans.Dequeue();
            if (!plan.Lists)
            {
                foreach (var job in plan.Jobs)
                {
                    _shows.Enqueue(job);
                }

                continue;
            }

            _listing = plan;
            _pager = new JobListPager(plan.ToQuery(), cancellation => _session.ReadPacer.WaitTurnAsync(_session.Clock, cancellation));
            _unseen = plan.Jobs.ToDictionary(job => job.JobId, StringComparer.OrdinalIgnoreCase);
            _pages = 0;
        }
    }

    private async Task ReadPageAsync(RoundStep step, CallContext context)
    {
        var plan = _listing!;
        IReadOnlyList<JobExecution> page;
        try
        {
            page = await _pager!.NextAsync(_session.Jobs, context).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (!JobWatchList.EndsTheWait(ex))
        {
            ListFailed(plan, ex, step, context);
            return;
        }

        _pages++;
        var ended = new List<JobEnd>();
        foreach (var listed in page)
        {
            if (_unseen!.TryGetValue(listed.JobId, out var job))
            {
                _unseen.Remove(listed.JobId);
                if (_jobs.Seen(job, listed))
                {
                    ended.Add(new JobEnd(job, listed));
                }
            }
        }

        // The page is newest first; the jobs it shows ended are written in the order they ended, then as they came in.
        foreach (var end in ended.OrderBy(e => e.State.FinishedAt?.Value ?? DateTimeOffset.MaxValue).ThenBy(e => e.Job.Number))
        {
            step.AddEnded(end.Job, end.State);
        }

        // Done when the list has no more pages, when every job was seen (the older pages, the list being
        // newest first, hold none of them), or when the page budget is spent.
        if (_pager.IsDone || _unseen!.Count == 0 || _pages >= plan.PageBudget)
        {
            var missed = TakeUnseen(plan);
            _jobs.Listings.Listed(plan.ClusterId, _pages + missed.Count);
            if (missed.Count > 0)
            {
                context.Trace.Verbose($"The list of cluster {plan.ClusterId} ({_pages} page(s)) did not show {missed.Count} of the {plan.Jobs.Count} job(s) waited for there; reading those one by one.");
            }

            EnqueueShows(missed);
        }
    }

    // Throttled or unanswered: a failed read of each job not seen yet, read again next round (which backs
    // off). Refused (the cluster does not exist, the query or the permission is refused): the cluster's jobs
    // are shown one by one from now on. Any other failure: they are shown this round, and listed again next.
    private void ListFailed(ClusterReadPlan plan, MrsApiException error, RoundStep step, CallContext context)
    {
        var unseen = TakeUnseen(plan);
        if (JobWatchList.IsTransient(error))
        {
            context.Trace.Verbose($"Listing the jobs of cluster {plan.ClusterId} failed ({error.Summary}); trying again in the next round.");
            foreach (var job in unseen.Where(job => _jobs.Failed(job, error)))
            {
                step.AddGaveUp(job, error);
            }

            return;
        }

        if (JobWatchList.IsRefusal(error))
        {
            _jobs.Listings.StopListing(plan.ClusterId);
        }

        var until = JobWatchList.IsRefusal(error) ? "from now on" : "in this round";
        context.Trace.Verbose($"Listing the jobs of cluster {plan.ClusterId} failed ({error.Summary}); reading its {unseen.Count} job(s) not yet seen one by one {until}.");
        EnqueueShows(unseen);
    }

    private async Task ShowAsync(WatchedJob job, RoundStep step, CallContext context)
    {
        try
        {
            var state = await _session.Jobs.GetJobAsync(job.ClusterId, job.JobId, context).ConfigureAwait(false);
            if (_jobs.Seen(job, state))
            {
                step.AddEnded(job, state);
            }
        }
        catch (MrsApiException ex) when (!JobWatchList.EndsTheWait(ex))
        {
            if (_jobs.Failed(job, ex))
            {
                step.AddGaveUp(job, ex);
            }
            else
            {
                context.Trace.Verbose($"Reading job {job.JobId} failed ({ex.Summary}); trying again in the next round.");
            }
        }
    }

    // The listed cluster's jobs the list has not shown, in arrival order; the listing ends.
    private List<WatchedJob> TakeUnseen(ClusterReadPlan plan)
    {
        var unseen = plan.Jobs.Where(job => _unseen!.ContainsKey(job.JobId)).ToList();
        _pager = null;
        _unseen = null;
        _listing = null;
        return unseen;
    }

    private void EnqueueShows(IEnumerable<WatchedJob> jobs)
    {
        foreach (var job in jobs)
        {
            _shows.Enqueue(job);
        }
    }
}
