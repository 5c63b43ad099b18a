using System.Diagnostics;

namespace MrsJobs.Core.Models;

/// <summary>
/// One job as the service reports it (list, detail, wait). Times are typed, secrets in arguments and
/// properties are hidden, and <see cref="Succeeded"/> reads <c>job_result</c>, since <c>FINISHED</c>
/// alone does not mean success. Every property's text is fit for a CSV: times in ISO 8601 UTC, durations
/// as <c>hh:mm:ss</c>, arguments and properties in the cell notation that New-MrsJobExecution reads. A
/// row of New-MrsJobExecution -IncludeFailed that did not become a job passes through Wait-MrsJobExecution
/// as a JobExecution with an empty <see cref="JobId"/>, its <see cref="Origin"/> and <see cref="Error"/>.
/// </summary>
[DebuggerDisplay("{JobId,nq} {State,nq}/{Result,nq} {JobName,nq}")]
public sealed class JobExecution
{
    /// <summary>The input row of New-MrsJobExecution this job came from, from 1 (0 when the job was not piped from New-MrsJobExecution).</summary>
    public int Row { get; internal set; }

    /// <summary>How New-MrsJobExecution learned the job (Submitted, Reconciled, Journal), or why its row became no job (Invalid, Refused, NotSent, Unknown); <c>null</c> when the job was not piped from New-MrsJobExecution.</summary>
    public SubmissionOrigin? Origin { get; internal set; }

    /// <summary>The job execution id; empty for a row that became no job.</summary>
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

    /// <summary>When the job was submitted (UTC; its text is ISO 8601).</summary>
    public JobTime? SubmittedAt { get; internal set; }

    /// <summary>When the job started running (UTC; its text is ISO 8601).</summary>
    public JobTime? StartedAt { get; internal set; }

    /// <summary>When the job ended (UTC; its text is ISO 8601).</summary>
    public JobTime? FinishedAt { get; internal set; }

    /// <summary>How long the job ran (as the service counts it; its text is <c>hh:mm:ss</c>).</summary>
    public JobDuration? Elapsed { get; internal set; }

    /// <summary>The arguments read back from the service's text, secrets hidden; <c>null</c> when the text could not be read as a list.</summary>
    public JobArguments? Arguments { get; internal set; }

    /// <summary>The arguments text as the service returned it, secrets hidden.</summary>
    public string? ArgumentsText { get; internal set; }

    /// <summary>A hash of the arguments exactly as the service returned them (before secrets were hidden), to recognise a job this client sent. Never shown.</summary>
    internal string? ArgumentsFingerprint { get; set; }

    /// <summary>The properties read back from the service's text; values of secret-looking keys are hidden.</summary>
    public JobProperties? Properties { get; internal set; }

    /// <summary>The properties text as the service returned it, secret values hidden.</summary>
    public string? PropertiesText { get; internal set; }

    /// <summary>The launcher job id.</summary>
    public string? LauncherId { get; internal set; }

    /// <summary>The YARN application id.</summary>
    public string? AppId { get; internal set; }

    /// <summary>The tracking URL (SparkSubmit jobs).</summary>
    public string? TrackingUrl { get; internal set; }

    /// <summary>
    /// The id of the error written for this line, <c>null</c> when none: for a row that became no job, New-MrsJobExecution's
    /// (for example <c>InvalidJobDefinition.JobName</c>); for a job, Wait-MrsJobExecution's (<c>MrsJobFailed</c>,
    /// <c>MrsJobKilled</c>, <c>MrsJobWaitTimeout</c>, or the read failure that ended its wait, such as <c>MrsApiError.0176</c>).
    /// </summary>
    public string? ErrorId { get; internal set; }

    /// <summary>The message of the error written for this line (never a secret); <c>null</c> when none. See <see cref="ErrorId"/>.</summary>
    public string? Error { get; internal set; }

    /// <summary><c>true</c> once the job is FINISHED, FAILED or KILLED.</summary>
    public bool IsFinished => JobStates.IsTerminal(State);

    /// <summary><c>true</c> only when the job ended and its result is SUCCEEDED.</summary>
    public bool Succeeded => IsFinished && Result == JobResults.Succeeded;

    /// <summary>Sets <see cref="ErrorId"/> and <see cref="Error"/> (an empty text is none) and returns this line.</summary>
    internal JobExecution WithError(string? errorId, string? error)
    {
        ErrorId = string.IsNullOrEmpty(errorId) ? null : errorId;
        Error = string.IsNullOrEmpty(error) ? null : error;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => JobId.Length == 0 && Origin is { } origin
        ? $"{JobType} job '{JobName}' of row {Row}: no job ({origin}) {Error}"
        : $"{JobType} job '{JobName}' ({JobId}) {State}/{Result}";
}
