using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>Per-job-name plans, in the order they were added; the first match wins. Thread-safe.</summary>
public sealed class JobPlanStore
{
    private readonly object gate = new();
    private readonly List<JobPlan> plans = new();

    internal JobPlanStore()
    {
    }

    /// <summary>Adds a plan behind those already added.</summary>
    /// <param name="plan">The plan.</param>
    public void Add(JobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (gate)
        {
            plans.Add(plan);
        }
    }

    /// <summary>The first plan whose pattern matches <paramref name="jobName"/>, else <paramref name="fallback"/>.</summary>
    /// <param name="jobName">The job name.</param>
    /// <param name="fallback">The plan for names no pattern matches (the default plan setting).</param>
    /// <returns>The plan.</returns>
    public JobPlan Resolve(string jobName, JobPlan fallback)
    {
        lock (gate)
        {
            return plans.FirstOrDefault(p => p.Matches(jobName)) ?? fallback;
        }
    }

    /// <summary>Lists the plans in match order.</summary>
    /// <returns>The plans.</returns>
    public IReadOnlyList<JobPlan> GetAll()
    {
        lock (gate)
        {
            return plans.ToArray();
        }
    }

    /// <summary>Forgets every plan.</summary>
    public void Clear()
    {
        lock (gate)
        {
            plans.Clear();
        }
    }
}
