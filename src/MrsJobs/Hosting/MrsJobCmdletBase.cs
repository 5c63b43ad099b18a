using System.Management.Automation;

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
    /// <para type="description">The id of the cluster the job runs on.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("cluster_id")]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;
}
