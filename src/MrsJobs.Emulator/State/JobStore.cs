using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>The accepted jobs, in submission order. Thread-safe.</summary>
public sealed class JobStore
{
    private readonly object gate = new();
    private readonly List<StoredJob> jobs = new();

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

    internal void Clear()
    {
        lock (gate)
        {
            jobs.Clear();
        }
    }
}
