using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace MrsJobs.Core.Models;

/// <summary>
/// A job that passed the local contract checks and is ready to send: the cluster it goes to and
/// exactly the four documented body fields.
/// </summary>
[DebuggerDisplay("{JobType,nq} {JobName,nq} on {ClusterId,nq}")]
public sealed class JobDefinition
{
    /// <summary>Creates a job definition. Use <see cref="Validation.JobDefinitionValidator"/> to build one from user input.</summary>
    public JobDefinition(
        string clusterId,
        string jobType,
        string jobName,
        IReadOnlyList<string>? arguments = null,
        IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        ClusterId = clusterId ?? throw new ArgumentNullException(nameof(clusterId));
        JobType = jobType ?? throw new ArgumentNullException(nameof(jobType));
        JobName = jobName ?? throw new ArgumentNullException(nameof(jobName));
        Arguments = arguments ?? Array.Empty<string>();
        Properties = properties ?? Array.Empty<KeyValuePair<string, string>>();
    }

    /// <summary>The cluster the job is submitted to (a path parameter, not part of the body).</summary>
    public string ClusterId { get; }

    /// <summary>The job type, in the API's spelling.</summary>
    public string JobType { get; }

    /// <summary>The job name.</summary>
    public string JobName { get; }

    /// <summary>The program arguments, in order; empty when none.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The program's system properties, in the order given; empty when none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{JobType} job '{JobName}' on cluster {ClusterId} ({Arguments.Count} argument(s), properties: {string.Join(", ", Properties.Select(p => p.Key))})";
}
