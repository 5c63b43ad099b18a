using System;
using System.Collections.Concurrent;
using System.Linq;

namespace MrsJobs.Core.Submission;

/// <summary>
/// The jobs known to belong to a row, for every command of one session: a lost answer is never matched
/// to a job that another row (of this command, an earlier one, or an earlier run's journal) already has.
/// Kept as 64-bit hashes of the ids with the time they were claimed, and pruned by age: a lookup only
/// considers jobs submitted seconds before its own request, so claims older than
/// <see cref="Retention"/> can no longer matter. A hash collision can only hide a candidate, which makes a
/// lookup say "unknown", never pick a wrong job.
/// </summary>
internal sealed class ClaimedJobs
{
    /// <summary>How long a claim is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(30);

    private const int PruneEvery = 4096;
    private readonly ConcurrentDictionary<ulong, DateTimeOffset> _claims = new();
    private readonly TimeProvider _clock;
    private int _added;

    public ClaimedJobs(TimeProvider clock) => _clock = clock;

    /// <summary>Claims <paramref name="jobId"/>; <c>false</c> when it was claimed already.</summary>
    public bool TryClaim(string jobId)
    {
        var added = _claims.TryAdd(Key(jobId), _clock.GetUtcNow());
        if (added && System.Threading.Interlocked.Increment(ref _added) % PruneEvery == 0)
        {
            Prune();
        }

        return added;
    }

    /// <summary><c>true</c> when <paramref name="jobId"/> belongs to a row already.</summary>
    public bool IsClaimed(string jobId) => _claims.ContainsKey(Key(jobId));

    private void Prune()
    {
        var oldest = _clock.GetUtcNow() - Retention;
        foreach (var stale in _claims.Where(c => c.Value < oldest).Select(c => c.Key).ToList())
        {
            _claims.TryRemove(stale, out _);
        }
    }

    // FNV-1a over the id's characters: stable, cheap, and spread well enough for ids that are UUIDs.
    private static ulong Key(string jobId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in jobId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
