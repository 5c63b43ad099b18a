using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Waiting;

/// <summary>
/// The jobs a wait is following, in the order they arrived, each once. It decides what a read means
/// (ended, still running, worth another try, or given up) so the cmdlet only writes and sleeps.
/// </summary>
internal sealed class JobWatchList
{
    /// <summary>
    /// The most reads a wait sends per second in total, however many jobs it follows: a round over many
    /// jobs is spread out rather than sent in a burst that the gateway would throttle (APIGW.0308).
    /// </summary>
    public const double MaxReadsPerSecond = 10;

    /// <summary>How many failed reads in a row make a job's wait give up (reads are safe to repeat).</summary>
    public const int MaxConsecutiveFailures = 3;

    /// <summary>How many throttled or unanswered reads in a row make a job's wait give up (with the back-off, several minutes).</summary>
    public const int MaxConsecutiveTransientFailures = 10;

    /// <summary>The most the pause between rounds grows while reads are throttled or unanswered: eight times the interval.</summary>
    public const int MaxBackOff = 8;

    private readonly List<WatchedJob> _pending = new();
    private int _backOff = 1;
    private bool _roundThrottled;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many distinct jobs were added.</summary>
    public int Total => _known.Count;

    /// <summary>How many jobs are no longer followed (ended or given up).</summary>
    public int Done => Total - _pending.Count;

    /// <summary>
    /// The pause before the next round: the polling interval, doubled after each round in which reads
    /// were throttled or unanswered (up to <see cref="MaxBackOff"/> times), back to one interval after a calm round.
    /// </summary>
    public TimeSpan NextRoundPause(TimeSpan interval) => TimeSpan.FromTicks(interval.Ticks * _backOff);

    /// <summary>Ends a round: the back-off grows after a troubled round and resets after a calm one.</summary>
    public void EndRound()
    {
        _backOff = _roundThrottled ? Math.Min(_backOff * 2, MaxBackOff) : 1;
        _roundThrottled = false;
    }

    /// <summary>What the wait learned about listing each cluster's jobs (see <see cref="RoundPlanner"/>).</summary>
    public ClusterListings Listings { get; } = new();

    /// <summary>The jobs still followed, in arrival order.</summary>
    public IReadOnlyList<WatchedJob> Pending => _pending;

    /// <summary>Adds a job, with the row it was piped with, if any; <c>false</c> when it is already followed (the same id on the same cluster).</summary>
    public bool Add(string jobId, string clusterId, PipedRow? from = null)
    {
        if (!_known.Add(clusterId + "/" + jobId))
        {
            return false;
        }

        _pending.Add(new WatchedJob(_known.Count, jobId, clusterId) { From = from });
        return true;
    }

    /// <summary>Records a successful read; <c>true</c> when the job has ended and leaves the list.</summary>
    public bool Seen(WatchedJob job, JobExecution state)
    {
        job.From?.ApplyTo(state);
        job.Last = state;
        job.ConsecutiveFailures = 0;
        return state.IsFinished && _pending.Remove(job);
    }

    /// <summary>
    /// Records a failed read; <c>true</c> when the wait for this job gives up and it leaves the list: at
    /// once when the job does not exist (or the read is refused as such), after
    /// <see cref="MaxConsecutiveFailures"/> service errors in a row, or after
    /// <see cref="MaxConsecutiveTransientFailures"/> throttled or unanswered reads in a row (those are
    /// worth waiting out: <see cref="IsTransient"/>).
    /// </summary>
    public bool Failed(WatchedJob job, MrsApiException error)
    {
        job.ConsecutiveFailures++;
        _roundThrottled |= IsTransient(error);
        var limit = IsTransient(error) ? MaxConsecutiveTransientFailures : MaxConsecutiveFailures;
        var hopeless = IsRefusal(error) || job.ConsecutiveFailures >= limit;
        return hopeless && _pending.Remove(job);
    }

    /// <summary><c>true</c> when the request itself was refused (what it names does not exist, it is invalid, or it is not allowed): asking again cannot help.</summary>
    public static bool IsRefusal(MrsApiException error) =>
        error.Kind is MrsErrorKind.NotFound or MrsErrorKind.InvalidArgument or MrsErrorKind.PermissionDenied;

    /// <summary><c>true</c> for failures that say "not now" (throttling, no answer): the wait backs off and reads again.</summary>
    public static bool IsTransient(MrsApiException error) =>
        error.Kind is MrsErrorKind.Throttled or MrsErrorKind.Connection or MrsErrorKind.Timeout or MrsErrorKind.ResourceUnavailable;

    /// <summary><c>true</c> when a failure means no further read can succeed (credentials refused or expired).</summary>
    public static bool EndsTheWait(MrsApiException error) => error.Kind is MrsErrorKind.Authentication or MrsErrorKind.TokenExpired;

    /// <summary>Takes every job still followed off the list (at the timeout or when the wait ends early).</summary>
    public IReadOnlyList<WatchedJob> TakeRest()
    {
        var rest = _pending.ToList();
        _pending.Clear();
        return rest;
    }
}
