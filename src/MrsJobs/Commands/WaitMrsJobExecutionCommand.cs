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
/// <para type="description">Collects every job from the pipeline, then polls them together, one request at a time, each job at most once per -PollingInterval and at most 10 reads a second in all. Writes one line per input row: a job's final state, or its last known state when the wait stops following it (read failures, refused credentials, -Timeout, -FailFast). A job that ends without success (FAILED, KILLED, or FINISHED with a result other than SUCCEEDED) also gives a non-terminating error, and so does a job whose end was not seen (but not one -FailFast left running); its line carries the error's ErrorId and Error. Under -ErrorAction Stop the errors wait until every job has ended, so every line reaches the pipeline first; -FailFast ends the wait at the first error instead.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "MrsJobExecution", HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Wait-MrsJobExecution.md")]
[OutputType(typeof(JobExecution))]
public sealed partial class WaitMrsJobExecutionCommand : MrsJobCmdletBase
{
    private readonly JobWatchList _jobs = new();
    private MrsSession? _session;
    private WaitFailures _failures = new(errorsStopTheCommand: false, failFast: false);
    private bool _stoppedAtFailure;

    /// <summary>
    /// <para type="description">Seconds between two reads of the same job (1 to 3600; default 10). Each job costs at most 60/PollingInterval requests a minute, only one request is ever in flight, and a wait sends at most 10 requests a second however many jobs it follows.</para>
    /// </summary>
    [Parameter]
    [Alias("Interval")]
    [ValidateRange(1d, 3600d)]
    public double PollingInterval { get; set; } = 10;

    /// <summary>
    /// <para type="description">Seconds to wait in all (default 3600); -1 waits until every job has ended. Jobs still running then give one MrsJobWaitTimeout error each, and a line with their last state (what their input row gave when never read).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int Timeout { get; set; } = 3600;

    /// <summary>
    /// <para type="description">Ends the wait at the first error (a job that failed or was killed, or could not be read): its line and error are written, and the other jobs are no longer followed (they go on running): each gets a line with its last known state and no error. Under -ErrorAction Stop that error ends the command at once. Without -FailFast the wait goes on until every job has ended or -Timeout has passed, and under -ErrorAction Stop the errors are held until then, so that every final state is written first.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter FailFast { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _session = RequireSession();
        _failures = new WaitFailures(ErrorsStopTheCommand(), FailFast.IsPresent);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var row = ReadRow();
        if (TookRowWithoutJob(row) || !ClusterIdGiven(ClusterId, JobId, error => FailWithLine(error, row.Unread(JobId!, ClusterId).WithError)))
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

        if (_stoppedAtFailure)
        {
            LeaveTheRest();
        }

        WriteHeldFailures();
    }

    // -FailFast ended the wait: each job still running gets a line with its last known state, and no error.
    private void LeaveTheRest()
    {
        var rest = _jobs.TakeRest();
        foreach (var job in rest)
        {
            WriteProgress(WaitProgress.JobCompleted(job));
            WriteObject(job.LastKnown(null, null));
        }

        if (rest.Count > 0)
        {
            WriteWarning($"Stopped waiting at the first failure (-FailFast): {rest.Count} job(s) had not ended; they go on running.");
        }
    }

    // Every line has been written: now the errors held (see WaitFailures).
    private void WriteHeldFailures()
    {
        foreach (var held in _failures.TakeHeld())
        {
            if (held.AsWarning)
            {
                WriteWarning(ErrorRecords.AsWarning(held.Error));
            }
            else
            {
                WriteError(held.Error);
            }
        }
    }

    // Writes the job's line first, carrying the error's id and message, then the error (so that the line is
    // written even when the error ends the command).
    private void FailWithLine(ErrorRecord error, Func<string?, string?, JobExecution> line)
    {
        WriteObject(line(ErrorRecords.IdOf(error), ErrorRecords.MessageOf(error)));
        Fail(error);
    }

    // Writes the error now, or holds it until the wait is over (see WaitFailures); -FailFast ends the wait.
    private void Fail(ErrorRecord error)
    {
        _stoppedAtFailure |= FailFast.IsPresent;
        if (!_failures.Hold(error))
        {
            WriteError(error);
        }
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
                    FailWithLine(ReadFailed(failure.Job, failure.Error), failure.Job.LastKnown);
                }
            }
            catch (MrsApiException ex) when (JobWatchList.EndsTheWait(ex))
            {
                foreach (var rest in _jobs.TakeRest())
                {
                    WriteProgress(WaitProgress.JobCompleted(rest));
                    FailWithLine(ReadFailed(rest, ex), rest.LastKnown);
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

    private static ErrorRecord ReadFailed(WatchedJob job, MrsApiException error) =>
        ErrorRecords.FromApi(error, (object?)job.Last ?? job.JobId, $"Job {job.JobId}");

    // A job that ended without success carries its error's id and message in its line too.
    private void Ended(WatchedJob job, JobExecution state)
    {
        WriteProgress(WaitProgress.JobCompleted(job));
        if (state.Succeeded)
        {
            WriteObject(state);
            return;
        }

        FailWithLine(JobErrorRecords.DidNotSucceed(state), state.WithError);
    }

    private void TimeOut(TimeSpan total)
    {
        foreach (var job in _jobs.TakeRest())
        {
            WriteProgress(WaitProgress.JobCompleted(job));
            FailWithLine(JobErrorRecords.WaitTimedOut(job.JobId, job.Last, total), job.LastKnown);
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
