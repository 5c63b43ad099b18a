using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MrsJobs.Core.Models;

/// <summary>
/// One job as the service reports it (list, detail, wait). Times are typed, secrets in arguments and
/// properties are hidden, and <see cref="Succeeded"/> reads <c>job_result</c>, since <c>FINISHED</c>
/// alone does not mean success.
/// </summary>
[DebuggerDisplay("{JobId,nq} {State,nq}/{Result,nq} {JobName,nq}")]
public sealed class JobExecution
{
    /// <summary>The job execution id.</summary>
    public string JobId { get; internal set; } = string.Empty;

    /// <summary>The cluster the job runs on (from the request: the service does not return it).</summary>
    public string ClusterId { get; internal set; } = string.Empty;

    /// <summary>The project of the cluster.</summary>
    public string ProjectId { get; internal set; } = string.Empty;

    /// <summary>The job name.</summary>
    public string JobName { get; internal set; } = string.Empty;

    /// <summary>The job type as stored (SparkPython jobs are listed as SparkSubmit).</summary>
    public string JobType { get; internal set; } = string.Empty;

    /// <summary>The user that submitted the job.</summary>
    public string? User { get; internal set; }

    /// <summary>The YARN queue.</summary>
    public string? Queue { get; internal set; }

    /// <summary>The job state in upper case: NEW, NEW_SAVING, SUBMITTED, ACCEPTED, RUNNING, FINISHED, FAILED or KILLED.</summary>
    public string State { get; internal set; } = string.Empty;

    /// <summary>The verdict in upper case: UNDEFINED (not ended), SUCCEEDED, FAILED or KILLED.</summary>
    public string Result { get; internal set; } = string.Empty;

    /// <summary>Progress in percent, when reported.</summary>
    public double? Progress { get; internal set; }

    /// <summary>When the job was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; internal set; }

    /// <summary>When the job started running.</summary>
    public DateTimeOffset? StartedAt { get; internal set; }

    /// <summary>When the job ended.</summary>
    public DateTimeOffset? FinishedAt { get; internal set; }

    /// <summary>How long the job ran (as the service counts it).</summary>
    public TimeSpan? Elapsed { get; internal set; }

    /// <summary>The arguments read back from the service's text, secrets hidden; <c>null</c> when the text could not be read as a list.</summary>
    public string[]? Arguments { get; internal set; }

    /// <summary>The arguments text as the service returned it, secrets hidden.</summary>
    public string? ArgumentsText { get; internal set; }

    /// <summary>A hash of the arguments exactly as the service returned them (before secrets were hidden), to recognise a job this client sent. Never shown.</summary>
    internal string? ArgumentsFingerprint { get; set; }

    /// <summary>The properties read back from the service's text; values of secret-looking keys are hidden.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; internal set; }

    /// <summary>The properties text as the service returned it, secret values hidden.</summary>
    public string? PropertiesText { get; internal set; }

    /// <summary>The launcher job id.</summary>
    public string? LauncherId { get; internal set; }

    /// <summary>The YARN application id.</summary>
    public string? AppId { get; internal set; }

    /// <summary>The tracking URL (SparkSubmit jobs).</summary>
    public string? TrackingUrl { get; internal set; }

    /// <summary><c>true</c> once the job is FINISHED, FAILED or KILLED.</summary>
    public bool IsFinished => JobStates.IsTerminal(State);

    /// <summary><c>true</c> only when the job ended and its result is SUCCEEDED.</summary>
    public bool Succeeded => IsFinished && Result == JobResults.Succeeded;

    /// <inheritdoc />
    public override string ToString() => $"{JobType} job '{JobName}' ({JobId}) {State}/{Result}";
}
