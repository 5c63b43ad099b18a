using System;
using System.Diagnostics;

namespace MrsJobs.Core.Models;

/// <summary>
/// The outcome of one submission: the job id and state the service returned, with the job's
/// name, type, cluster and project so that later cmdlets can bind <c>ClusterId</c> and <c>JobId</c>
/// from it. A refused submission has <see cref="State"/> <c>FAILED</c> and carries the error.
/// </summary>
[DebuggerDisplay("{JobId,nq} {State,nq} {JobName,nq}")]
public sealed class JobSubmitResult
{
    /// <summary>Creates a result. Normally made by <see cref="Api.MrsJobClient"/>.</summary>
    public JobSubmitResult(
        string? jobId,
        string state,
        string jobName,
        string jobType,
        string clusterId,
        string projectId,
        DateTimeOffset submittedAt,
        string? errorCode = null,
        string? errorMessage = null)
    {
        JobId = jobId;
        State = state;
        JobName = jobName;
        JobType = jobType;
        ClusterId = clusterId;
        ProjectId = projectId;
        SubmittedAt = submittedAt;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>The job execution id the service assigned; <c>null</c> when the submission was refused.</summary>
    public string? JobId { get; }

    /// <summary>The submission state: <c>COMPLETE</c> (submitted) or <c>FAILED</c> (refused).</summary>
    public string State { get; }

    /// <summary>The job name that was sent.</summary>
    public string JobName { get; }

    /// <summary>The job type that was sent (SparkPython stays SparkPython here; the service lists it as SparkSubmit).</summary>
    public string JobType { get; }

    /// <summary>The cluster the job was submitted to.</summary>
    public string ClusterId { get; }

    /// <summary>The project the cluster belongs to.</summary>
    public string ProjectId { get; }

    /// <summary>When the client received the service's answer.</summary>
    public DateTimeOffset SubmittedAt { get; }

    /// <summary>The service's error code when the submission was refused (for example <c>0168</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's error message when the submission was refused.</summary>
    public string? ErrorMessage { get; }

    /// <summary><c>true</c> when the service accepted the job.</summary>
    public bool Succeeded => JobId is not null && string.Equals(State, SubmitStates.Complete, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"{JobType} job '{JobName}' submitted as {JobId} on cluster {ClusterId}"
        : $"{JobType} job '{JobName}' refused on cluster {ClusterId}: {ErrorCode} {ErrorMessage}";
}
