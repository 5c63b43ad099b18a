using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>Queued one-shot faults, consumed first in, first out. Thread-safe.</summary>
public sealed class FaultQueue
{
    private readonly object gate = new();
    private readonly List<Pending> pending = new();

    internal FaultQueue()
    {
    }

    /// <summary>Queues a fault behind those already queued.</summary>
    /// <param name="fault">The fault; its <see cref="FaultRule.Count"/> must be at least 1.</param>
    public void Enqueue(FaultRule fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), "A fault must fire at least once.");
        }

        lock (gate)
        {
            pending.Add(new Pending(fault, fault.Count));
        }
    }

    /// <summary>
    /// Takes one firing of the oldest fault that applies to <paramref name="clusterId"/> and <paramref name="operation"/>, if any.
    /// </summary>
    /// <param name="clusterId">The cluster a request is for.</param>
    /// <param name="operation">The request.</param>
    /// <returns>The fault to answer with, or <see langword="null"/> to proceed normally.</returns>
    public FaultRule? TryTake(string clusterId, FaultOperation operation = FaultOperation.Submit)
    {
        lock (gate)
        {
            var match = pending.FirstOrDefault(p => p.Rule.Operation == operation && (p.Rule.ClusterId is null || p.Rule.ClusterId == clusterId));
            if (match is null)
            {
                return null;
            }

            if (--match.Remaining == 0)
            {
                pending.Remove(match);
            }

            return match.Rule;
        }
    }

    /// <summary>Lists the faults still queued, each with the firings it has left as its count.</summary>
    /// <returns>The pending faults, oldest first.</returns>
    public IReadOnlyList<FaultRule> GetPending()
    {
        lock (gate)
        {
            return pending.Select(p => p.Rule with { Count = p.Remaining }).ToArray();
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    private sealed class Pending
    {
        public Pending(FaultRule rule, int remaining)
        {
            Rule = rule;
            Remaining = remaining;
        }

        public FaultRule Rule { get; }

        public int Remaining { get; set; }
    }
}
