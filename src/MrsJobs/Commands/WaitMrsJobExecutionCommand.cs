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
/// <para type="description">Collects every job from the pipeline, then polls them together, one request at a time, each job at most once per -PollingInterval and at most 10 reads a second in all. A job that ends without success (FAILED, KILLED, or FINISHED with a result other than SUCCEEDED) also gives a non-terminating error. Under -ErrorAction Stop the errors wait until every job has ended, so every final state reaches the pipeline first; -FailFast ends the wait at the first error instead.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "MrsJobExecution", HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Wait-MrsJobExecution.md")]
[OutputType(typeof(JobExecution))]
public sealed partial class WaitMrsJobExecutionCommand : MrsJobCmdletBase
{
    private readonly JobWatchList _jobs = new();
    private MrsSession? _session;
    private WaitFailures _failures = new(holdUntilTheEnd: false);
    private bool _stoppedAtFailure;

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

    /// <summary>
    /// <para type="description">Ends the wait at the first error (a job that failed or was killed, or could not be read): its final state and error are written, and the other jobs are no longer followed (they go on running). Under -ErrorAction Stop that error ends the command at once. Without -FailFast the wait goes on until every job has ended or -Timeout has passed, and under -ErrorAction Stop the errors are held until then, so that every final state is written first.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter FailFast { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _session = RequireSession();
        _failures = new WaitFailures(holdUntilTheEnd: !FailFast && ErrorsStopTheCommand());
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var row = ReadRow();
        if (TookRowWithoutJob(row) || !ClusterIdGiven(ClusterId, JobId, Fail))   // held like a failed job's error under -ErrorAction Stop
        {
            return;
        }

        if (!_jobs.Add(JobId!, ClusterId!, row))
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

        if (_stoppedAtFailure && _jobs.Pending.Count > 0)
        {
            WriteWarning($"Stopped waiting at the first failure (-FailFast): {_jobs.Pending.Count} job(s) had not ended; they go on running.");
        }

        WriteHeldFailures();
    }

    // Every final state has been written: now the errors held under -ErrorAction Stop. The first ends the
    // command, so the others go before it, as warnings.
    private void WriteHeldFailures()
    {
        var held = _failures.TakeHeld();
        for (var later = 1; later < held.Count; later++)
        {
            WriteWarning(ErrorRecords.AsWarning(held[later]));
        }

        if (held.Count > 0)
        {
            WriteError(held[0]);
        }
    }

    // Writes the error now, or holds it until the wait is over (see WaitFailures); -FailFast ends the wait.
    private void Fail(ErrorRecord error)
    {
        if (_failures.Hold(error))
        {
            return;
        }

        WriteError(error);
        _stoppedAtFailure |= FailFast.IsPresent;
    }

    private void Poll(Stopwatch clock, TimeSpan? limit, TimeSpan interval)
    {
        while (_jobs.Pending.Count > 0)
        {
            var roundStarted = clock.Elapsed;
            if (!PollRound(clock, limit))
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

    /// <summary>Reads every job still followed once (see <see cref="WaitRound"/>). <c>false</c> when the wait cannot go on (credentials refused, or -FailFast after a failure).</summary>
    private bool PollRound(Stopwatch clock, TimeSpan? limit)
    {
        var round = new WaitRound(_jobs, _session!);
        while (round.HasNext)
        {
            if (_stoppedAtFailure)
            {
                return false;   // -FailFast
            }

            if (limit is { } total && clock.Elapsed >= total)
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
                    Fail(ErrorRecords.FromApi(failure.Error, (object?)failure.Job.Last ?? failure.Job.JobId, $"Job {failure.Job.JobId}"));
                }
            }
            catch (MrsApiException ex) when (JobWatchList.EndsTheWait(ex))
            {
                foreach (var rest in _jobs.TakeRest())
                {
                    Fail(ErrorRecords.FromApi(ex, (object?)rest.Last ?? rest.JobId, $"Job {rest.JobId}"));
                }

                return false;
            }
        }

        _jobs.EndRound();
        if (_stoppedAtFailure)
        {
            return false;
        }

        ShowProgress(clock.Elapsed, limit);
        return true;
    }

    private void Ended(WatchedJob job, JobExecution state)
    {
        WriteProgress(WaitProgress.JobCompleted(job));
        WriteObject(state);
        if (!state.Succeeded)
        {
            Fail(JobErrorRecords.DidNotSucceed(state));
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

            Fail(JobErrorRecords.WaitTimedOut(job.JobId, job.Last, total));
        }
    }

    private void ShowProgress(TimeSpan elapsed, TimeSpan? limit)
    {
        WriteProgress(WaitProgress.Batch(_jobs, elapsed, limit));
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
