using System.Collections.Generic;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Waiting;

/// <summary>What one request of a round (a page of a list, or a show) settled: the jobs that ended, and the jobs whose wait gave up.</summary>
internal sealed class RoundStep
{
    private readonly List<JobEnd> _ended = new();
    private readonly List<JobGiveUp> _gaveUp = new();

    /// <summary>The jobs seen ended, with their final state, in the order they were read.</summary>
    public IReadOnlyList<JobEnd> Ended => _ended;

    /// <summary>The jobs whose wait ended with a read failure, with the failure.</summary>
    public IReadOnlyList<JobGiveUp> GaveUp => _gaveUp;

    internal void AddEnded(WatchedJob job, JobExecution state) => _ended.Add(new JobEnd(job, state));

    internal void AddGaveUp(WatchedJob job, MrsApiException error) => _gaveUp.Add(new JobGiveUp(job, error));
}

/// <summary>A job seen ended.</summary>
/// <param name="Job">The job waited for.</param>
/// <param name="State">Its final state.</param>
internal sealed record JobEnd(WatchedJob Job, JobExecution State);

/// <summary>A job whose wait ended with a read failure.</summary>
/// <param name="Job">The job waited for.</param>
/// <param name="Error">The failure that ended its wait.</param>
internal sealed record JobGiveUp(WatchedJob Job, MrsApiException Error);
