using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Waiting;

/// <summary>
/// What a wait learned about listing each cluster's jobs: how many requests the last list of a cluster
/// cost (its pages and the shows of the jobs it did not show), and which clusters are read job by job
/// for the rest of the wait because their list was refused. The planner compares the cost with the
/// number of jobs still waited for there (<see cref="RoundPlanner"/>).
/// </summary>
internal sealed class ClusterListings
{
    private readonly Dictionary<string, int> _lastCost = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _showOnly = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The requests the last list of <paramref name="clusterId"/> took in all (pages and fallback shows); <c>null</c> before the first.</summary>
    public int? LastCost(string clusterId) => _lastCost.TryGetValue(clusterId, out var cost) ? cost : null;

    /// <summary><c>true</c> when the cluster's list was refused: its jobs are read one by one from then on.</summary>
    public bool ShowsOnly(string clusterId) => _showOnly.Contains(clusterId);

    /// <summary>Records what a list of <paramref name="clusterId"/> cost: its pages and the shows of the jobs it did not show.</summary>
    public void Listed(string clusterId, int requests) => _lastCost[clusterId] = requests;

    /// <summary>Reads the jobs of <paramref name="clusterId"/> one by one for the rest of the wait.</summary>
    public void StopListing(string clusterId) => _showOnly.Add(clusterId);
}
