using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

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

    private readonly ConcurrentDictionary<ulong, DateTimeOffset> _claims = new();
    private readonly ConcurrentQueue<KeyValuePair<ulong, DateTimeOffset>> _byAge = new();
    private readonly TimeProvider _clock;

    public ClaimedJobs(TimeProvider clock) => _clock = clock;

    /// <summary>Claims <paramref name="jobId"/> (again: a claim made anew is kept anew); <c>false</c> when it was claimed already.</summary>
    public bool TryClaim(string jobId)
    {
        var now = _clock.GetUtcNow();
        var key = Key(jobId);
        var added = _claims.TryAdd(key, now);
        if (!added)
        {
            _claims[key] = now;   // the older queue entry no longer matches and will not remove it
        }

        _byAge.Enqueue(new KeyValuePair<ulong, DateTimeOffset>(key, now));
        Prune(now);
        return added;
    }

    /// <summary><c>true</c> when <paramref name="jobId"/> belongs to a row already.</summary>
    public bool IsClaimed(string jobId) => _claims.ContainsKey(Key(jobId));

    // Claims are queued in the order they were made: forgetting the old ones costs only what is forgotten.
    private void Prune(DateTimeOffset now)
    {
        var oldest = now - Retention;
        lock (_byAge)
        {
            while (_byAge.TryPeek(out var head) && head.Value < oldest && _byAge.TryDequeue(out head))
            {
                ((ICollection<KeyValuePair<ulong, DateTimeOffset>>)_claims).Remove(head);
            }
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
