using System;
using MrsJobs.Core.Decoding;
using MrsJobs.Core.Models;
using MrsJobs.Core.Security;
using MrsJobs.Core.Validation;

namespace MrsJobs.Core.Waiting;

/// <summary>
/// What Wait-MrsJobExecution is given with a job besides its id, by property name from New-MrsJobExecution's
/// output (or a CSV of it): the input row, the origin, and the job as it was submitted. A row that became no
/// job passes through as a <see cref="JobExecution"/> without a job id; a job's state carries its row and
/// origin, and keeps the submitted arguments and properties where the service's text of them agrees (that
/// text cannot tell an argument holding <c>", "</c> from two arguments).
/// </summary>
internal sealed class PipedRow
{
    private readonly JobInput _job;
    private readonly JobArguments _arguments;
    private readonly JobProperties _properties;

    /// <summary>Creates the value; <paramref name="job"/> is the job as bound (its arguments and properties are shown with secrets hidden).</summary>
    public PipedRow(int row, string? origin, JobInput job)
    {
        Row = row;
        Origin = ReadOrigin(origin);
        _job = job;
        _arguments = ShownDefinition.Arguments(job.Arguments);
        _properties = ShownDefinition.InputProperties(job.Properties);
    }

    /// <summary>The input row of New-MrsJobExecution, from 1; 0 when not known.</summary>
    public int Row { get; }

    /// <summary>The origin the row came with, or <c>null</c>.</summary>
    public SubmissionOrigin? Origin { get; }

    /// <summary><c>true</c> for a row that became no job (-IncludeFailed): no job id, and an origin that says why.</summary>
    public bool HasNoJob(string? jobId) =>
        string.IsNullOrEmpty(jobId) && Origin is SubmissionOrigin.Invalid or SubmissionOrigin.Refused or SubmissionOrigin.NotSent or SubmissionOrigin.Unknown;

    /// <summary>The row that became no job, as the JobExecution that stands for it: nothing is read from the service.</summary>
    public JobExecution WithoutJob(string? errorId, string? error) => Unread(string.Empty, _job.ClusterId).WithError(errorId, error);

    /// <summary>
    /// The line of a job whose state was never read (its reads failed, the wait timed out or stopped first, or it
    /// was not waited for at all): its id and cluster, this row and origin, and the job as it was piped (name,
    /// type, arguments and properties, secrets hidden). State and result stay empty: nothing says what they are.
    /// </summary>
    public JobExecution Unread(string jobId, string? clusterId) => new()
    {
        Row = Row,
        Origin = Origin,
        JobId = jobId,
        ClusterId = clusterId ?? string.Empty,
        JobName = _job.JobName ?? string.Empty,
        JobType = _job.JobType ?? string.Empty,
        Arguments = _arguments,
        Properties = _properties,
    };

    /// <summary>Gives a job's state its row and origin, and the submitted arguments and properties where the service's text agrees with them.</summary>
    public void ApplyTo(JobExecution state)
    {
        state.Row = Row;
        state.Origin = Origin;
        if (_arguments.Count > 0 && string.Equals(state.ArgumentsText, JavaToStringText.FormatList(_arguments), StringComparison.Ordinal))
        {
            state.Arguments = _arguments;
        }

        if (_properties.Count > 0 && string.Equals(state.PropertiesText, JavaToStringText.FormatMap(_properties.Pairs), StringComparison.Ordinal))
        {
            state.Properties = _properties;
        }
    }

    // An origin's name in any case ("Refused"), as a CSV cell or the enum's text; anything else (empty, a number) is none.
    private static SubmissionOrigin? ReadOrigin(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || !char.IsLetter(trimmed[0]))
        {
            return null;
        }

        return Enum.TryParse<SubmissionOrigin>(trimmed, ignoreCase: true, out var origin) && Enum.IsDefined(typeof(SubmissionOrigin), origin) ? origin : null;
    }
}
