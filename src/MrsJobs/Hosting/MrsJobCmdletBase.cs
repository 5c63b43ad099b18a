using System;
using System.Management.Automation;
using MrsJobs.Errors;

namespace MrsJobs.Hosting;

/// <summary>
/// The base of cmdlets that act on one job at a time: <c>-JobId</c> and <c>-ClusterId</c>, bound by
/// property name from <c>JobSubmitResult</c> and <c>JobExecution</c> objects (and from CSV columns).
/// </summary>
public abstract class MrsJobCmdletBase : MrsApiCmdletBase
{
    /// <summary>
    /// <para type="description">The job execution id (the JobId of New-MrsJobExecution's and Get-MrsJobExecution's output).</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("job_id", "job_execution_id", "Id")]
    [ValidateNotNullOrEmpty]
    public string JobId { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The id of the cluster the job runs on. Required: without it (a CSV without a cluster_id column, -JobId alone) the job gets an MrsClusterIdMissing error.</para>
    /// </summary>
    /// <remarks>
    /// Not mandatory to PowerShell, whose refusal ("missing mandatory parameters", or a prompt that a
    /// runbook cannot answer) says neither what the cluster id is nor how to give it; see <see cref="ClusterIdGiven(Action{ErrorRecord})"/>.
    /// </remarks>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("cluster_id")]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>
    /// <c>true</c> when a cluster id was given or bound; otherwise reports <c>MrsClusterIdMissing</c> for the
    /// job, through <paramref name="report"/> (WriteError by default), and returns <c>false</c>.
    /// </summary>
    private protected bool ClusterIdGiven(Action<ErrorRecord>? report = null) => ClusterIdGiven(ClusterId, JobId, report);

    /// <summary>
    /// As <see cref="ClusterIdGiven(Action{ErrorRecord})"/>, for a cmdlet that declares its own <c>-JobId</c>
    /// and <c>-ClusterId</c> (Wait-MrsJobExecution lets them be empty for rows that became no job).
    /// </summary>
    private protected bool ClusterIdGiven(string? clusterId, string? jobId, Action<ErrorRecord>? report)
    {
        if (!string.IsNullOrEmpty(clusterId))
        {
            return true;
        }

        (report ?? WriteError)(ErrorRecords.ClusterIdMissing(MyInvocation.MyCommand.Name, jobId ?? string.Empty));
        return false;
    }
}
