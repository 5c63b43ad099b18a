using System;
using System.Diagnostics;
using MrsJobs.Core.Security;

namespace MrsJobs.Core.Models;

/// <summary>
/// The outcome of one submission: the job id and state the service returned, with the job's
/// name, type, cluster, project, arguments and properties (secrets hidden) so that later cmdlets can
/// bind <c>ClusterId</c> and <c>JobId</c> from it, and a CSV of it can be submitted again. A refused
/// submission has <see cref="State"/> <c>FAILED</c> and carries the error; with
/// <c>New-MrsJobExecution -IncludeFailed</c> every row that became no job has one too, with an empty
/// <see cref="JobId"/>, its <see cref="Origin"/>, <see cref="ErrorId"/> and <see cref="Error"/>.
/// </summary>
[DebuggerDisplay("{JobId,nq} {State,nq} {JobName,nq}")]
public sealed class JobSubmitResult
{
    // The job as sent, when this result was made from one; Arguments and Properties are shown from it on first read.
    private JobDefinition? _sent;
    private JobArguments? _arguments;
    private JobProperties? _properties;

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

    /// <summary>A result for <paramref name="job"/>, with its arguments and properties as they may be shown.</summary>
    internal JobSubmitResult(JobDefinition job, string? jobId, string state, string projectId, JobTime? submittedAt)
        : this(jobId, state, job.JobName, job.JobType, job.ClusterId, projectId, default)
    {
        SubmittedAt = submittedAt;
        _sent = job;
    }

    /// <summary>The input row this result is for: its position in the pipeline, from 1 (0 for a job given on the command line).</summary>
    public int Row { get; internal set; }

    /// <summary>How the job id was learned: <c>Submitted</c> (the service's answer), <c>Reconciled</c> (the answer was lost; the job was found by listing) or <c>Journal</c> (an earlier run submitted it); for a row that became no job, why: <c>Invalid</c>, <c>Refused</c>, <c>NotSent</c> or <c>Unknown</c>.</summary>
    public SubmissionOrigin Origin { get; internal set; }

    /// <summary>The job execution id the service assigned; <c>null</c> when the row became no job.</summary>
    public string? JobId { get; }

    /// <summary>The submission state: <c>COMPLETE</c> (submitted) or <c>FAILED</c> (refused); empty for a row that was not sent or whose outcome is unknown.</summary>
    public string State { get; }

    /// <summary>The job name that was sent.</summary>
    public string JobName { get; }

    /// <summary>The job type that was sent (SparkPython stays SparkPython here; the service lists it as SparkSubmit).</summary>
    public string JobType { get; }

    /// <summary>The cluster the job was submitted to.</summary>
    public string ClusterId { get; }

    /// <summary>The project the cluster belongs to.</summary>
    public string ProjectId { get; }

    /// <summary>The arguments that were sent, secrets hidden; its text is the CSV cell notation (a JSON array).</summary>
    /// <remarks>Made from the job sent when first read: a pipeline that does not look at them does not pay for them.</remarks>
    public JobArguments Arguments
    {
        get => _arguments ??= _sent is null ? JobArguments.Empty : ShownDefinition.Arguments(_sent.Arguments);
        internal set => _arguments = value;
    }

    /// <summary>The properties that were sent, values of secret-looking keys hidden; its text is the CSV cell notation.</summary>
    public JobProperties Properties
    {
        get => _properties ??= _sent is null ? JobProperties.Empty : ShownDefinition.Properties(_sent.Properties);
        internal set => _properties = value;
    }

    /// <summary>When the client received the service's answer (UTC; its text is ISO 8601); <c>null</c> when nothing was answered.</summary>
    public JobTime? SubmittedAt { get; internal set; }

    /// <summary>The service's error code when the submission was refused (for example <c>0168</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's error message when the submission was refused.</summary>
    public string? ErrorMessage { get; }

    /// <summary>For a row that became no job (-IncludeFailed): the id of the error written for it, as in <c>$_.FullyQualifiedErrorId</c>.</summary>
    public string? ErrorId { get; internal set; }

    /// <summary>For a row that became no job (-IncludeFailed): the message of the error written for it (never a secret).</summary>
    public string? Error { get; internal set; }

    /// <summary><c>true</c> when the service accepted the job.</summary>
    public bool Succeeded => JobId is not null && string.Equals(State, SubmitStates.Complete, StringComparison.OrdinalIgnoreCase);

    /// <summary>A copy that names its row and origin.</summary>
    internal JobSubmitResult For(int row, SubmissionOrigin origin) =>
        new(JobId, State, JobName, JobType, ClusterId, ProjectId, default, ErrorCode, ErrorMessage, row, origin)
        {
            SubmittedAt = SubmittedAt,
            _sent = _sent,
            _arguments = _arguments,
            _properties = _properties,
            ErrorId = ErrorId,
            Error = Error,
        };

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"{JobType} job '{JobName}' submitted as {JobId} on cluster {ClusterId}"
        : Origin == SubmissionOrigin.Refused || ErrorId is null
            ? $"{JobType} job '{JobName}' refused on cluster {ClusterId}: {ErrorCode} {ErrorMessage}"
            : $"{JobType} job '{JobName}' of row {Row}: no job ({Origin}) {ErrorId}";
}
