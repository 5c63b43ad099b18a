using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Waiting;
using MrsJobs.Errors;
using MrsJobs.Hosting;
using MrsJobs.Waiting;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Waits for MRS jobs to end and writes each job's final state as it ends.</para>
/// <para type="description">Collects every job from the pipeline, then polls them together, one request at a time, each job at most once per -PollingInterval and at most 10 reads a second in all. A job that ends without success (FAILED, KILLED, or FINISHED with a result other than SUCCEEDED) also gives a non-terminating error.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "MrsJobExecution")]
[OutputType(typeof(JobExecution))]
public sealed class WaitMrsJobExecutionCommand : MrsJobCmdletBase
{
    private readonly JobWatchList _jobs = new();
    private MrsSession? _session;

    /// <summary>
    /// <para type="description">Seconds between two reads of the same job (1 to 3600; default 10). Each job costs at most 60/PollingInterval requests a minute, only one request is ever in flight, and a wait sends at most 10 requests a second however many jobs it follows.</para>
    /// </summary>
    [Parameter]
    [Alias("Interval")]
    [ValidateRange(1d, 3600d)]
    public double PollingInterval { get; set; } = 10;

    /// <summary>
    /// <para type="description">Seconds to wait in all (default 3600); -1 waits until every job has ended. Jobs still running then give one MrsJobWaitTimeout error each, with their last state.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int Timeout { get; set; } = 3600;

    /// <inheritdoc />
    protected override void BeginProcessing() => _session = RequireSession();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!_jobs.Add(JobId, ClusterId))
        {
            WriteVerboseLine($"Job {JobId} on cluster {ClusterId} is already being waited for.");
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var clock = Stopwatch.StartNew();
        var limit = Timeout < 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(Timeout);
        var interval = TimeSpan.FromSeconds(PollingInterval);
        WriteVerboseLine($"Waiting for {_jobs.Total} job(s), reading each at most every {PollingInterval:0.#} s.");
        try
        {
            Poll(clock, limit, interval);
        }
        finally
        {
            if (!CancellationToken.IsCancellationRequested)
            {
                WriteProgress(WaitProgress.BatchCompleted());   // also when the wait ends early (credentials refused)
            }
        }
    }

    private void Poll(Stopwatch clock, TimeSpan? limit, TimeSpan interval)
    {
        while (_jobs.Pending.Count > 0)
        {
            var roundStarted = clock.Elapsed;
            if (!PollRound(limit - clock.Elapsed))
            {
                return;
            }

            if (_jobs.Pending.Count == 0)
            {
                return;
            }

            if (limit is { } total && clock.Elapsed >= total)
            {
                TimeOut(total);
                return;
            }

            var pause = _jobs.NextRoundPause(interval) - (clock.Elapsed - roundStarted);
            if (limit is { } end && end - clock.Elapsed < pause)
            {
                pause = end - clock.Elapsed;
            }

            Sleep(pause);
        }
    }

    /// <summary>Reads every job still followed once (see <see cref="WaitRound"/>). <c>false</c> when the wait cannot go on (credentials refused).</summary>
    private bool PollRound(TimeSpan? left)
    {
        var round = new WaitRound(_jobs, _session!);
        var clock = Stopwatch.StartNew();
        while (round.HasNext)
        {
            if (left is { } remaining && clock.Elapsed >= remaining)
            {
                break;   // -Timeout has passed in the middle of a long round
            }

            try
            {
                var step = RunAsync(round.NextAsync, RetryPolicy.None);
                foreach (var end in step.Ended)
                {
                    Ended(end.Job, end.State);
                }

                foreach (var failure in step.GaveUp)
                {
                    WriteProgress(WaitProgress.JobCompleted(failure.Job));
                    WriteError(ErrorRecords.FromApi(failure.Error, (object?)failure.Job.Last ?? failure.Job.JobId, $"Job {failure.Job.JobId}"));
                }
            }
            catch (MrsApiException ex) when (JobWatchList.EndsTheWait(ex))
            {
                foreach (var rest in _jobs.TakeRest())
                {
                    WriteError(ErrorRecords.FromApi(ex, (object?)rest.Last ?? rest.JobId, $"Job {rest.JobId}"));
                }

                return false;
            }
        }

        _jobs.EndRound();
        ShowProgress(left);
        return true;
    }

    private void Ended(WatchedJob job, JobExecution state)
    {
        WriteProgress(WaitProgress.JobCompleted(job));
        WriteObject(state);
        if (!state.Succeeded)
        {
            WriteError(JobErrorRecords.DidNotSucceed(state));
        }
    }

    private void TimeOut(TimeSpan total)
    {
        foreach (var job in _jobs.TakeRest())
        {
            WriteProgress(WaitProgress.JobCompleted(job));
            if (job.Last is not null)
            {
                WriteObject(job.Last);
            }

            WriteError(JobErrorRecords.WaitTimedOut(job.JobId, job.Last, total));
        }
    }

    private void ShowProgress(TimeSpan? left)
    {
        WriteProgress(WaitProgress.Batch(_jobs, left));
        foreach (var job in _jobs.Pending.Take(WaitProgress.MaxJobBars))
        {
            WriteProgress(WaitProgress.Job(job));
        }
    }

    // Ctrl+C ends the pause at once.
    private void Sleep(TimeSpan pause)
    {
        if (pause > TimeSpan.Zero && CancellationToken.WaitHandle.WaitOne(pause))
        {
            throw new PipelineStoppedException();
        }
    }
}
