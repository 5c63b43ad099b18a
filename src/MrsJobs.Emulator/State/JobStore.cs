using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace MrsJobs.Emulator.State;

/// <summary>The accepted jobs, in submission order. Thread-safe.</summary>
public sealed class JobStore
{
    private readonly object gate = new();
    private readonly List<StoredJob> jobs = new();
    private int applicationCounter;

    internal JobStore()
    {
    }

    /// <summary>Stores an accepted job.</summary>
    /// <param name="job">The job.</param>
    public void Add(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            jobs.Add(job);
        }
    }

    /// <summary>Finds a job by id.</summary>
    /// <param name="jobId">The job id.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    public StoredJob? Find(string jobId)
    {
        lock (gate)
        {
            return jobs.FirstOrDefault(j => j.JobId == jobId);
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

    /// <summary>Marks a job killed at <paramref name="now"/> unless it has already ended.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="now">The time of the kill.</param>
    /// <returns>The killed job; <see langword="null"/> when it does not exist or has already ended.</returns>
    public StoredJob? Kill(string jobId, DateTimeOffset now)
    {
        lock (gate)
        {
            var index = jobs.FindIndex(j => j.JobId == jobId);
            if (index < 0 || JobTimeline.At(jobs[index], now).IsTerminal)
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
                if (refuse(id, jobs.FirstOrDefault(j => j.JobId == id)) is { } refusal)
                {
                    return refusal;
                }
            }

            jobs.RemoveAll(j => jobIds.Contains(j.JobId));
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
            Interlocked.Exchange(ref applicationCounter, 0);
        }
    }
}
