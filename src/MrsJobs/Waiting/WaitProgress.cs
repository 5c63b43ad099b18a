using System;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Core.Waiting;

namespace MrsJobs.Waiting;

/// <summary>
/// The Write-Progress records of a wait: one bar for the batch, and one child bar for each of the
/// first <see cref="MaxJobBars"/> jobs still running (a bar per job for hundreds of jobs helps nobody).
/// </summary>
internal static class WaitProgress
{
    /// <summary>How many job bars are shown at once.</summary>
    public const int MaxJobBars = 10;

    private const int BatchId = 1;
    private const string BatchActivity = "Waiting for MRS jobs";

    /// <summary>
    /// The batch bar: "3 of 20 ended, 00:02:10 elapsed, timeout 01:00:00". The time left until -Timeout is
    /// no estimate of when the jobs end, so the record gives no SecondsRemaining (PowerShell would show it as one).
    /// </summary>
    public static ProgressRecord Batch(JobWatchList jobs, TimeSpan elapsed, TimeSpan? timeout)
    {
        var status = string.Format(
            CultureInfo.InvariantCulture,
            "{0} of {1} ended, {2} elapsed, {3}",
            jobs.Done,
            jobs.Total,
            Clock(elapsed),
            timeout is { } limit ? "timeout " + Clock(limit) : "no timeout");
        return new ProgressRecord(BatchId, BatchActivity, status)
        {
            PercentComplete = jobs.Total == 0 ? 0 : jobs.Done * 100 / jobs.Total,
        };
    }

    /// <summary>A duration as hh:mm:ss, hours beyond 24 included (100:00:00).</summary>
    internal static string Clock(TimeSpan time) =>
        string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00}", (long)time.TotalHours, time.Minutes, time.Seconds);

    public static ProgressRecord BatchCompleted() =>
        new(BatchId, BatchActivity, "Done") { RecordType = ProgressRecordType.Completed };

    public static ProgressRecord Job(WatchedJob job)
    {
        var last = job.Last;
        var status = last is null
            ? "waiting for the first answer"
            : last.Progress is { } percent ? string.Format(CultureInfo.InvariantCulture, "{0} {1:0.#}%", last.State, percent) : last.State;
        return new ProgressRecord(BatchId + job.Number, Activity(job), status)
        {
            ParentActivityId = BatchId,
            PercentComplete = last?.Progress is { } done ? (int)Math.Max(0, Math.Min(100, done)) : -1,
        };
    }

    public static ProgressRecord JobCompleted(WatchedJob job) =>
        new(BatchId + job.Number, Activity(job), job.Last?.State ?? "Done") { ParentActivityId = BatchId, RecordType = ProgressRecordType.Completed };

    private static string Activity(WatchedJob job) =>
        job.Last is { JobName.Length: > 0 } last ? $"Job '{last.JobName}' ({job.JobId})" : $"Job {job.JobId}";
}
