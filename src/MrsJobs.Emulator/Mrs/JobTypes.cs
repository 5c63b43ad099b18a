using System.Collections.Generic;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>The documented job types, how each is stored, and the component each needs.</summary>
internal static class JobTypes
{
    public static readonly IReadOnlyList<string> All = new[]
    {
        "MapReduce", "SparkSubmit", "SparkPython", "HiveScript", "HiveSql", "DistCp", "SparkScript", "SparkSql", "Flink",
    };

    /// <summary>SparkPython is stored and listed as SparkSubmit; every other type as itself.</summary>
    public static string StoredAs(string jobType) => jobType == "SparkPython" ? "SparkSubmit" : jobType;

    /// <summary>The component a job type needs, and the refusal a cluster without it answers.</summary>
    public static ComponentRequirement RequirementOf(string jobType) => jobType switch
    {
        "HiveScript" or "HiveSql" => new(ClusterComponent.Hive, "0168", "不能提交Hive相关作业"),
        "SparkSubmit" or "SparkPython" or "SparkScript" or "SparkSql" => new(ClusterComponent.Spark, "0057", "不能提交Spark相关作业"),
        "Flink" => new(ClusterComponent.Flink, "0169", "不能提交Flink相关作业"),
        _ => new(ClusterComponent.Hadoop, "0173", "Failed to submit the job: Hadoop is not installed on the cluster."),
    };
}

/// <summary>A component a job type needs, with the code and message of the refusal when it is missing.</summary>
internal sealed record ComponentRequirement(ClusterComponent Component, string ErrorCode, string ErrorMsg);
