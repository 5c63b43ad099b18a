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
        string? errorMessage = null,
        int row = 0,
        SubmissionOrigin origin = SubmissionOrigin.Submitted)
    {
        Row = row;
        Origin = origin;
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

    /// <summary>The input row this result is for: its position in the pipeline, from 1 (0 for a job given on the command line).</summary>
    public int Row { get; }

    /// <summary>How the job id was learned: <c>Submitted</c> (the service's answer), <c>Reconciled</c> (the answer was lost; the job was found by listing) or <c>Journal</c> (an earlier run submitted it).</summary>
    public SubmissionOrigin Origin { get; }

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

    /// <summary>A copy that names its row and origin.</summary>
    internal JobSubmitResult For(int row, SubmissionOrigin origin) =>
        new(JobId, State, JobName, JobType, ClusterId, ProjectId, SubmittedAt, ErrorCode, ErrorMessage, row, origin);

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"{JobType} job '{JobName}' submitted as {JobId} on cluster {ClusterId}"
        : $"{JobType} job '{JobName}' refused on cluster {ClusterId}: {ErrorCode} {ErrorMessage}";
}
