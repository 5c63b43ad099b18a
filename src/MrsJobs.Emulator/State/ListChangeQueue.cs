using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>
/// A change to the stored jobs that a test queued to happen right after the <see cref="AfterLists"/>th job list
/// request from now (of <see cref="ClusterId"/>, or of any cluster): the page that request gets is computed first,
/// so the next page sees the list shifted. This is how tests add and delete jobs while a list is being paged,
/// without timing.
/// </summary>
/// <param name="AfterLists">After which list request the change happens (1 = the next one).</param>
/// <param name="ClusterId">The cluster whose list requests count; <see langword="null"/> for any.</param>
/// <param name="AddCount">How many jobs are added (as new submissions, so at the top of a newest-first list).</param>
/// <param name="DeleteNewest">How many of the cluster's newest jobs are deleted (the top of the list, already read).</param>
/// <param name="DeleteJobIds">Jobs deleted by id.</param>
public sealed record ListChange(int AfterLists, string? ClusterId, int AddCount, int DeleteNewest, IReadOnlyList<string> DeleteJobIds);

/// <summary>The queued <see cref="ListChange"/>s, each with what it does. Thread-safe; each change happens once.</summary>
public sealed class ListChangeQueue
{
    private readonly object gate = new();
    private readonly List<Pending> pending = new();

    internal ListChangeQueue()
    {
    }

    /// <summary>Queues <paramref name="change"/>; <paramref name="apply"/> does it when it is due.</summary>
    /// <param name="change">When and what.</param>
    /// <param name="apply">Carries the change out (called on the request's thread, once).</param>
    public void Add(ListChange change, Action apply)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(apply);
        lock (gate)
        {
            pending.Add(new Pending(change, apply) { Remaining = change.AfterLists });
        }
    }

    /// <summary>The changes not yet made, with how many list requests each still waits for.</summary>
    /// <returns>A snapshot, in the order they were queued.</returns>
    public IReadOnlyList<ListChange> GetAll()
    {
        lock (gate)
        {
            return pending.Select(p => p.Change with { AfterLists = p.Remaining }).ToArray();
        }
    }

    /// <summary>Forgets every queued change.</summary>
    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    /// <summary>Counts a list request of <paramref name="clusterId"/> and makes the changes now due.</summary>
    internal void AfterList(string clusterId)
    {
        List<Pending> due;
        lock (gate)
        {
            foreach (var p in pending.Where(p => p.Change.ClusterId is null || string.Equals(p.Change.ClusterId, clusterId, StringComparison.OrdinalIgnoreCase)))
            {
                p.Remaining--;
            }

            due = pending.Where(p => p.Remaining <= 0).ToList();
            pending.RemoveAll(p => p.Remaining <= 0);
        }

        foreach (var change in due)
        {
            change.Apply();
        }
    }

    private sealed class Pending
    {
        public Pending(ListChange change, Action apply)
        {
            Change = change;
            Apply = apply;
        }

        public ListChange Change { get; }

        public Action Apply { get; }

        public int Remaining { get; set; }
    }
}
