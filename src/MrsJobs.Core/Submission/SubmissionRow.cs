using System.Collections.Generic;
using MrsJobs.Core.Models;
using MrsJobs.Core.Validation;

namespace MrsJobs.Core.Submission;

/// <summary>One input row of a bulk submission: its number, and the job it defines or why it defines none.</summary>
internal sealed class SubmissionRow
{
    /// <summary>A row that defines a job.</summary>
    public SubmissionRow(int number, JobDefinition job, object? source = null)
    {
        Number = number;
        Job = job;
        Source = source;
    }

    /// <summary>A row that defines no job, with the rules it broke and what was read of it (<c>null</c> for a pipeline object that is not a row at all).</summary>
    public SubmissionRow(int number, IReadOnlyList<ValidationFailure> failures, object? source = null, JobInput? input = null)
    {
        Number = number;
        Failures = failures;
        Source = source;
        Input = input;
    }

    /// <summary>The row's position in the input, from 1.</summary>
    public int Number { get; }

    /// <summary>The job, when the row is valid.</summary>
    public JobDefinition? Job { get; }

    /// <summary>What was read of a row that defines no job, as typed (for the result -IncludeFailed writes).</summary>
    public JobInput? Input { get; }

    /// <summary>Why the row defines no job; <c>null</c> when it does.</summary>
    public IReadOnlyList<ValidationFailure>? Failures { get; }

    /// <summary>What the caller wants back with the outcome (the PowerShell layer keeps the error target here).</summary>
    public object? Source { get; }
}
