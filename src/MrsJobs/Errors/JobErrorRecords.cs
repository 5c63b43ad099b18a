using MrsJobs.Core.Errors;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Core.Models;

namespace MrsJobs.Errors;

/// <summary>The errors of the job lifecycle cmdlets that are not service refusals: outcomes, timeouts, wrong job types.</summary>
internal static class JobErrorRecords
{
    /// <summary>A job that ended without success: <c>MrsJobFailed</c> or <c>MrsJobKilled</c>. The job is the target.</summary>
    public static ErrorRecord DidNotSucceed(JobExecution job)
    {
        var killed = job.State == JobStates.Killed || job.Result == JobResults.Killed;
        var message = $"{Describe(job)} ended {job.State} with result {Blank(job.Result)}{At(job.FinishedAt)}.";
        return Record(
            new InvalidOperationException(message),
            killed ? ErrorIds.JobKilled : ErrorIds.JobFailed,
            killed ? ErrorCategory.OperationStopped : ErrorCategory.InvalidResult,
            job,
            killed ? "The job was stopped; submit it again if it should run." : WhereToLookWhy(job));
    }

    // The YARN application the job ran as, where the service names one; without one the job failed before YARN ran it.
    private static string WhereToLookWhy(JobExecution job)
    {
        if (string.IsNullOrEmpty(job.AppId))
        {
            return $"The job has no YARN application: it failed before YARN ran it. Check its arguments and properties (Get-MrsJobExecution -JobId {job.JobId} -ClusterId {job.ClusterId} | Format-List *Text) and the job's log in the MRS console.";
        }

        var logs = $"Read the YARN logs of application {job.AppId} to see why it failed (on the cluster: yarn logs -applicationId {job.AppId})";
        return string.IsNullOrEmpty(job.TrackingUrl) ? logs + "." : $"{logs}, or open {job.TrackingUrl}.";
    }

    /// <summary>A job still running when the wait ran out: <c>MrsJobWaitTimeout</c>. The last state seen is the target.</summary>
    public static ErrorRecord WaitTimedOut(string jobId, JobExecution? last, TimeSpan timeout)
    {
        var what = last is null ? $"Job {jobId}" : Describe(last);
        var state = last is null ? "its state was never read" : $"it was {last.State}{Progress(last)}";
        var message = $"{what} did not end within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds; {state}.";
        return Record(
            new TimeoutException(message),
            ErrorIds.JobWaitTimeout,
            ErrorCategory.OperationTimeout,
            (object?)last ?? jobId,
            "Wait again with a longer -Timeout, or stop the job with Stop-MrsJobExecution.");
    }

    /// <summary>A stop request for a job that had already ended: <c>MrsJobAlreadyEnded</c>.</summary>
    public static ErrorRecord AlreadyEnded(JobExecution job, Exception cause)
    {
        var message = $"{Describe(job)} already ended ({job.State}, result {Blank(job.Result)}{At(job.FinishedAt)}): there is nothing to stop.";
        return Record(new InvalidOperationException(message, cause), ErrorIds.JobAlreadyEnded, ErrorCategory.InvalidOperation, job, null);
    }

    /// <summary>A SQL result asked of a job type that has none: <c>MrsSqlResultNotAvailable</c>. Nothing was sent.</summary>
    public static ErrorRecord SqlResultNotAvailable(string jobId, string jobType)
    {
        var message = $"Job {jobId} is a {jobType} job: only SparkSql and SparkScript jobs have a SQL result.";
        return Record(new ArgumentException(message), ErrorIds.SqlResultNotAvailable, ErrorCategory.InvalidArgument, jobId, null);
    }

    /// <summary>A -Statement the job's result does not have: <c>MrsSqlStatementNotFound</c>.</summary>
    public static ErrorRecord NoSuchStatement(string jobId, int statement, IReadOnlyList<int> statements)
    {
        var has = statements.Count == 0 ? "no statements" : $"statement(s) {string.Join(", ", statements)}";
        var message = $"The SQL result of job {jobId} has {has}; there is no statement {statement}.";
        return Record(new ArgumentException(message), ErrorIds.SqlStatementNotFound, ErrorCategory.ObjectNotFound, jobId, null);
    }

    private static ErrorRecord Record(Exception exception, string errorId, ErrorCategory category, object? target, string? advice) =>
        new(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice ?? string.Empty },
        };

    private static string Describe(JobExecution job) =>
        $"{(job.JobType.Length == 0 ? string.Empty : job.JobType + " ")}job '{job.JobName}' ({job.JobId})";

    private static string Blank(string value) => value.Length == 0 ? "unknown" : value;

    private static string At(DateTimeOffset? time) =>
        time is { } at ? " at " + at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : string.Empty;

    private static string Progress(JobExecution job) =>
        job.Progress is { } percent ? $", {percent.ToString("0.#", CultureInfo.InvariantCulture)}% done" : string.Empty;
}
