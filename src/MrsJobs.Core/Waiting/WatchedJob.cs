using MrsJobs.Core.Models;

namespace MrsJobs.Core.Waiting;

/// <summary>One job being waited for: what to ask for, what was last seen, and how the asking went.</summary>
internal sealed class WatchedJob
{
    internal WatchedJob(int number, string jobId, string clusterId)
    {
        Number = number;
        JobId = jobId;
        ClusterId = clusterId;
    }

    /// <summary>The job's place in the batch, from 1 (stable: used for progress bars).</summary>
    public int Number { get; }

    /// <summary>The job execution id.</summary>
    public string JobId { get; }

    /// <summary>The cluster.</summary>
    public string ClusterId { get; }

    /// <summary>The row of New-MrsJobExecution's output the job was piped with, or <c>null</c>.</summary>
    public PipedRow? From { get; internal set; }

    /// <summary>The job as last read, or <c>null</c> before the first successful read.</summary>
    public JobExecution? Last { get; internal set; }

    /// <summary>How many reads in a row have failed.</summary>
    public int ConsecutiveFailures { get; internal set; }

    /// <summary>
    /// The line written for this job when the wait stops following it before it ended (its reads failed, the
    /// credentials were refused, -Timeout passed, or -FailFast ended the wait), so that every input row still has
    /// one: its last state as read (with the row and origin it was piped with), or, when no read succeeded, what
    /// the piped row knows of it (<see cref="PipedRow.Unread"/>). <paramref name="errorId"/> and
    /// <paramref name="error"/> are those of the error written for it; <c>null</c> when none is.
    /// </summary>
    public JobExecution LastKnown(string? errorId, string? error)
    {
        var line = Last ?? From?.Unread(JobId, ClusterId) ?? new JobExecution { JobId = JobId, ClusterId = ClusterId };
        return line.WithError(errorId, error);
    }
}
