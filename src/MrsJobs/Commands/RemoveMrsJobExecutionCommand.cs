using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Submission;
using MrsJobs.Core.Validation;
using MrsJobs.Errors;
using MrsJobs.Hosting;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Deletes MRS job records, in batches.</para>
/// <para type="description">Collects the jobs from the pipeline and, once the input has ended, deletes them per cluster with batch-delete, up to -BatchSize at a time: deleting while an upstream Get-MrsJobExecution is still paging would shift its pages and skip jobs. Asks for confirmation for each job unless -Force is given.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MrsJobExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Remove-MrsJobExecution.md")]
public sealed class RemoveMrsJobExecutionCommand : MrsJobCmdletBase
{
    // The ids to delete per cluster, in arrival order; sent once the input has ended.
    private readonly Dictionary<string, List<string>> _batches = new(StringComparer.OrdinalIgnoreCase);
    private readonly AuthenticationFuse _fuse = new();
    private MrsSession? _session;

    /// <summary>
    /// <para type="description">Deletes without asking for confirmation.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">How many jobs one batch-delete request carries (1 to 100; default 50).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int BatchSize { get; set; } = 50;

    /// <inheritdoc />
    protected override void BeginProcessing() => _session = FindSession();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Job ids travel in the body here, not the path, but one that cannot be an id would only make the batch refused.
        if (ResourceIdRule.Problem(JobId) is { } problem)
        {
            WriteError(ErrorRecords.InvalidId(ErrorIds.InvalidJobId, $"'{JobId}' is not a job id: {problem}. It was not sent.", JobId));
            return;
        }

        if (!ClusterIdGiven() || !ForceConfirmation.ShouldProcess(this, Force, $"job {JobId} on cluster {ClusterId}", "Delete"))
        {
            return;
        }

        _session ??= RequireSession();
        if (!_batches.TryGetValue(ClusterId, out var batch))
        {
            _batches[ClusterId] = batch = new List<string>();
        }

        if (!batch.Contains(JobId, StringComparer.Ordinal))
        {
            batch.Add(JobId);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        foreach (var cluster in _batches)
        {
            for (var start = 0; start < cluster.Value.Count; start += BatchSize)
            {
                Send(cluster.Key, cluster.Value.Skip(start).Take(BatchSize).ToList());
            }
        }
    }

    private void Send(string clusterId, IReadOnlyList<string> jobIds)
    {
        var session = _session!;
        if (_fuse.Cause is { } refusal)
        {
            foreach (var jobId in jobIds)
            {
                WriteError(ErrorRecords.NotSentAfterAuthenticationFailure($"The deletion of job {jobId}", refusal, jobId));
            }

            return;
        }

        try
        {
            Delete(session, clusterId, jobIds);
            WriteVerboseLine($"Deleted {jobIds.Count} job(s) on cluster {clusterId}.");
        }
        catch (MrsApiException ex) when (jobIds.Count > 1 && ex.Kind is MrsErrorKind.NotFound or MrsErrorKind.InvalidArgument or MrsErrorKind.ServiceError)
        {
            // One bad id spoils the batch: delete one by one to find it, so every other job still goes.
            WriteVerboseLine($"The batch of {jobIds.Count} was refused ({ex.Summary}); deleting its jobs one by one.");
            foreach (var jobId in jobIds)
            {
                TryDelete(session, clusterId, jobId);
            }
        }
        catch (MrsApiException ex)
        {
            _fuse.Observe(ex);
            foreach (var jobId in jobIds)
            {
                WriteError(ErrorRecords.FromApi(ex, jobId, $"Job {jobId}"));
            }
        }
    }

    private void TryDelete(MrsSession session, string clusterId, string jobId)
    {
        if (_fuse.Cause is { } refusal)
        {
            WriteError(ErrorRecords.NotSentAfterAuthenticationFailure($"The deletion of job {jobId}", refusal, jobId));
            return;
        }

        try
        {
            Delete(session, clusterId, new[] { jobId });
        }
        catch (MrsApiException ex)
        {
            _fuse.Observe(ex);
            WriteError(ErrorRecords.FromApi(ex, jobId, $"Job {jobId}"));
        }
    }

    private void Delete(MrsSession session, string clusterId, IReadOnlyCollection<string> jobIds) =>
        CallApi(session, (client, context) => client.DeleteJobsAsync(clusterId, jobIds, context));
}
