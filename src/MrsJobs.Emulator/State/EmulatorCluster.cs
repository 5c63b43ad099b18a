using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>A component installed on a cluster; job types need one of them.</summary>
public enum ClusterComponent
{
    /// <summary>HDFS and YARN: MapReduce and DistCp jobs.</summary>
    Hadoop,

    /// <summary>SparkSubmit, SparkPython, SparkScript and SparkSql jobs.</summary>
    Spark,

    /// <summary>HiveScript and HiveSql jobs.</summary>
    Hive,

    /// <summary>Flink jobs.</summary>
    Flink,
}

/// <summary>An MRS cluster of one project.</summary>
public sealed class EmulatorCluster
{
    /// <summary>Creates a cluster description.</summary>
    /// <param name="clusterId">The cluster id used in MRS URLs.</param>
    /// <param name="projectId">The id of the project that owns the cluster.</param>
    /// <param name="components">The installed components.</param>
    /// <param name="state">The cluster state; only <c>running</c> (any case) admits jobs.</param>
    /// <param name="unsynchronizedUsers">IAM user names not synchronized to the cluster's MRS Manager.</param>
    public EmulatorCluster(
        string clusterId,
        string projectId,
        IEnumerable<ClusterComponent> components,
        string state,
        IEnumerable<string> unsynchronizedUsers)
    {
        ClusterId = clusterId ?? throw new ArgumentNullException(nameof(clusterId));
        ProjectId = projectId ?? throw new ArgumentNullException(nameof(projectId));
        Components = new HashSet<ClusterComponent>(components ?? throw new ArgumentNullException(nameof(components)));
        State = state ?? throw new ArgumentNullException(nameof(state));
        UnsynchronizedUsers = new HashSet<string>(
            unsynchronizedUsers ?? throw new ArgumentNullException(nameof(unsynchronizedUsers)),
            StringComparer.Ordinal);
    }

    /// <summary>The cluster id used in MRS URLs.</summary>
    public string ClusterId { get; }

    /// <summary>The id of the project that owns the cluster.</summary>
    public string ProjectId { get; }

    /// <summary>The installed components.</summary>
    public IReadOnlySet<ClusterComponent> Components { get; }

    /// <summary>The cluster state, e.g. <c>running</c>, <c>starting</c>, <c>frozen</c>.</summary>
    public string State { get; }

    /// <summary>IAM user names that submissions are refused for with 0192.</summary>
    public IReadOnlySet<string> UnsynchronizedUsers { get; }

    /// <summary>Whether the cluster state admits jobs.</summary>
    public bool IsRunning => string.Equals(State, SeedData.RunningState, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() =>
        $"{ClusterId} ({State}; {string.Join(", ", Components.OrderBy(c => c))})";
}
