using System.Management.Automation;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Submission;
using MrsJobs.Errors;
using MrsJobs.Hosting;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Stops (kills) running MRS jobs.</para>
/// <para type="description">Asks for confirmation unless -Force is given. A job that already ended gives an MrsJobAlreadyEnded error saying how it ended.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "MrsJobExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Stop-MrsJobExecution.md")]
[OutputType(typeof(JobExecution))]
public sealed class StopMrsJobExecutionCommand : MrsJobCmdletBase
{
    private readonly AuthenticationFuse _fuse = new();
    private MrsSession? _session;

    /// <summary>
    /// <para type="description">Stops the jobs without asking for confirmation.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Writes each stopped job's state (read after the stop request) to the pipeline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _session = FindSession();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!ClusterIdGiven() || !ForceConfirmation.ShouldProcess(this, Force, $"job {JobId} on cluster {ClusterId}", "Stop"))
        {
            return;
        }

        var session = _session ??= RequireSession();
        if (_fuse.Cause is { } refusal)
        {
            WriteError(ErrorRecords.NotSentAfterAuthenticationFailure($"The stop of job {JobId}", refusal, JobId));
            return;
        }

        try
        {
            CallApi(session, (client, context) => client.KillJobAsync(ClusterId, JobId, context));
        }
        catch (MrsApiException ex)
        {
            _fuse.Observe(ex);
            WriteError(ExplainRefusal(session, ex));
            return;
        }

        if (PassThru)
        {
            try
            {
                WriteObject(CallApi(session, (client, context) => client.GetJobAsync(ClusterId, JobId, context)));
            }
            catch (MrsApiException ex)
            {
                WriteError(ErrorRecords.FromApi(ex, JobId));
            }
        }
    }

    // The service's refusal ("0175 Failed to terminate the job.") does not say why; a job that already
    // ended is the common case, so read the job and say so when it is.
    private ErrorRecord ExplainRefusal(MrsSession session, MrsApiException refusal)
    {
        if (refusal.Kind is not (MrsErrorKind.ServiceError or MrsErrorKind.InvalidArgument or MrsErrorKind.Unknown))
        {
            return ErrorRecords.FromApi(refusal, JobId);
        }

        try
        {
            var job = CallApi(session, (client, context) => client.GetJobAsync(ClusterId, JobId, context));
            return job.IsFinished ? JobErrorRecords.AlreadyEnded(job, refusal) : ErrorRecords.FromApi(refusal, job);
        }
        catch (MrsApiException)
        {
            return ErrorRecords.FromApi(refusal, JobId);
        }
    }
}
