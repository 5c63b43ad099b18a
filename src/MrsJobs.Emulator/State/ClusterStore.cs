using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>The clusters, by id. Thread-safe.</summary>
public sealed class ClusterStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, EmulatorCluster> clusters = new(StringComparer.Ordinal);

    internal ClusterStore()
    {
    }

    /// <summary>Adds a cluster, or replaces the one with the same id.</summary>
    /// <param name="cluster">The cluster.</param>
    public void Put(EmulatorCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        lock (gate)
        {
            clusters[cluster.ClusterId] = cluster;
        }
    }

    /// <summary>Removes a cluster.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <returns><see langword="true"/> when the cluster existed.</returns>
    public bool Remove(string clusterId)
    {
        lock (gate)
        {
            return clusters.Remove(clusterId);
        }
    }

    /// <summary>Finds a cluster by id, in any project.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <returns>The cluster, or <see langword="null"/>.</returns>
    public EmulatorCluster? Find(string clusterId)
    {
        lock (gate)
        {
            return clusters.TryGetValue(clusterId, out var cluster) ? cluster : null;
        }
    }

    /// <summary>Lists every cluster, ordered by project then id.</summary>
    /// <returns>The clusters.</returns>
    public IReadOnlyList<EmulatorCluster> GetAll()
    {
        lock (gate)
        {
            return clusters.Values.OrderBy(c => c.ProjectId, StringComparer.Ordinal)
                .ThenBy(c => c.ClusterId, StringComparer.Ordinal).ToArray();
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            clusters.Clear();
        }
    }
}
