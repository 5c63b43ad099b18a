using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace MrsJobs.Emulator.State;

/// <summary>
/// The accepted jobs, in submission order. Thread-safe. Indexed by id, by cluster and by name count, so that
/// lookups, per-cluster lists and duplicate counts stay fast with 100,000 jobs; removal rebuilds the indexes.
/// </summary>
public sealed class JobStore
{
    private readonly object gate = new();
    private readonly List<StoredJob> jobs = new();
    private readonly Dictionary<string, int> indexById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> indexesByCluster = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> countByName = new(StringComparer.Ordinal);
    private int applicationCounter;

    internal JobStore()
    {
    }

    /// <summary>How many jobs are stored.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return jobs.Count;
            }
        }
    }

    /// <summary>Stores an accepted job.</summary>
    /// <param name="job">The job.</param>
    public void Add(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            jobs.Add(job);
            Index(jobs.Count - 1);
        }
    }

    /// <summary>Finds a job by id.</summary>
    /// <param name="jobId">The job id.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    public StoredJob? Find(string jobId)
    {
        lock (gate)
        {
            return indexById.TryGetValue(jobId, out var index) ? jobs[index] : null;
        }
    }

    /// <summary>Lists every stored job, in submission order.</summary>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<StoredJob> GetAll()
    {
        lock (gate)
        {
            return jobs.ToArray();
        }
    }

    /// <summary>Lists the jobs of one cluster (of any project), in submission order.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<StoredJob> GetOnCluster(string clusterId)
    {
        lock (gate)
        {
            return indexesByCluster.TryGetValue(clusterId, out var indexes)
                ? indexes.Select(i => jobs[i]).ToArray()
                : Array.Empty<StoredJob>();
        }
    }

    /// <summary>How many stored jobs have exactly this name (on any cluster).</summary>
    /// <param name="jobName">The job name.</param>
    /// <returns>The count.</returns>
    public int CountNamed(string jobName)
    {
        lock (gate)
        {
            return countByName.GetValueOrDefault(jobName);
        }
    }

    /// <summary>The names that more than one stored job has, with their counts (duplicates, for "exactly once" checks).</summary>
    /// <returns>Name → count, names in ordinal order.</returns>
    public IReadOnlyDictionary<string, int> GetRepeatedNames()
    {
        lock (gate)
        {
            return new SortedDictionary<string, int>(
                countByName.Where(n => n.Value > 1).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
        }
    }

    /// <summary>Marks a job killed at <paramref name="now"/> unless it has already ended.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="now">The time of the kill.</param>
    /// <returns>The killed job; <see langword="null"/> when it does not exist or has already ended.</returns>
    public StoredJob? Kill(string jobId, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!indexById.TryGetValue(jobId, out var index) || JobTimeline.At(jobs[index], now).IsTerminal)
            {
                return null;
            }

            jobs[index] = jobs[index] with { KilledAt = now };
            return jobs[index];
        }
    }

    /// <summary>
    /// Removes every listed job, or none: <paramref name="refuse"/> sees each id with its job (or
    /// <see langword="null"/>) first, and the first refusal it returns stops the removal.
    /// </summary>
    /// <typeparam name="T">The refusal type.</typeparam>
    /// <param name="jobIds">The job ids.</param>
    /// <param name="refuse">Returns a refusal for an id, or <see langword="null"/> to allow it.</param>
    /// <returns>The first refusal, or <see langword="null"/> once all were removed.</returns>
    public T? RemoveAllOrNone<T>(IReadOnlyCollection<string> jobIds, Func<string, StoredJob?, T?> refuse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        ArgumentNullException.ThrowIfNull(refuse);
        lock (gate)
        {
            foreach (var id in jobIds)
            {
                if (refuse(id, indexById.TryGetValue(id, out var index) ? jobs[index] : null) is { } refusal)
                {
                    return refusal;
                }
            }

            var doomed = new HashSet<string>(jobIds, StringComparer.Ordinal);
            jobs.RemoveAll(j => doomed.Contains(j.JobId));
            Reindex();
            return null;
        }
    }

    /// <summary>Takes two YARN application numbers (launcher, then job) and returns the first.</summary>
    internal int NextApplicationNumber() => Interlocked.Add(ref applicationCounter, 2) - 1;

    internal void Clear()
    {
        lock (gate)
        {
            jobs.Clear();
            Reindex();
            Interlocked.Exchange(ref applicationCounter, 0);
        }
    }

    private void Index(int index)
    {
        var job = jobs[index];
        indexById[job.JobId] = index;
        if (!indexesByCluster.TryGetValue(job.ClusterId, out var indexes))
        {
            indexesByCluster[job.ClusterId] = indexes = new List<int>();
        }

        indexes.Add(index);
        countByName[job.JobName] = countByName.GetValueOrDefault(job.JobName) + 1;
    }

    private void Reindex()
    {
        indexById.Clear();
        indexesByCluster.Clear();
        countByName.Clear();
        for (var i = 0; i < jobs.Count; i++)
        {
            Index(i);
        }
    }
}
