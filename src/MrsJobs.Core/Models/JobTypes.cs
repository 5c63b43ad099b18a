using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Models;

/// <summary>The nine job types that SubmitJobV2 accepts, spelled as the API spells them.</summary>
public static class JobTypes
{
    /// <summary>A Hadoop MapReduce jar.</summary>
    public const string MapReduce = "MapReduce";

    /// <summary>A spark-submit command line.</summary>
    public const string SparkSubmit = "SparkSubmit";

    /// <summary>A PySpark program; the service stores and lists it as <see cref="SparkSubmit"/>.</summary>
    public const string SparkPython = "SparkPython";

    /// <summary>A Hive script file.</summary>
    public const string HiveScript = "HiveScript";

    /// <summary>Hive SQL statements.</summary>
    public const string HiveSql = "HiveSql";

    /// <summary>A DistCp copy (import or export data).</summary>
    public const string DistCp = "DistCp";

    /// <summary>A Spark SQL script file.</summary>
    public const string SparkScript = "SparkScript";

    /// <summary>Spark SQL statements.</summary>
    public const string SparkSql = "SparkSql";

    /// <summary>A Flink job.</summary>
    public const string Flink = "Flink";

    /// <summary>Every job type, in the order of the API page.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        MapReduce, SparkSubmit, SparkPython, HiveScript, HiveSql, DistCp, SparkScript, SparkSql, Flink,
    };

    /// <summary>
    /// Finds the API spelling of <paramref name="value"/>, ignoring case and surrounding blanks
    /// (so a CSV cell "hivesql" is sent as "HiveSql").
    /// </summary>
    /// <returns><c>true</c> when the value names one of the nine types.</returns>
    public static bool TryNormalize(string? value, out string canonical)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        foreach (var name in All)
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                canonical = name;
                return true;
            }
        }

        canonical = trimmed;
        return false;
    }
}
