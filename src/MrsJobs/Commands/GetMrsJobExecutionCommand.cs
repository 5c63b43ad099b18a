using System;
using System.Linq;
using System.Management.Automation;
using MrsJobs.Completion;
using MrsJobs.Core.Api;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Errors;
using MrsJobs.Hosting;
using MrsJobs.Validation;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Gets MRS jobs: one job by id, or the jobs of a cluster with filters, paging through every result.</para>
/// <para type="description">With -JobId (bound from New-MrsJobExecution's output) it shows one job. With only -ClusterId it lists the cluster's jobs, newest first, page by page, written as each page arrives.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MrsJobExecution", DefaultParameterSetName = ListSet, HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Get-MrsJobExecution.md")]
[OutputType(typeof(JobExecution))]
public sealed class GetMrsJobExecutionCommand : MrsApiCmdletBase
{
    private const string ByIdSet = "ById";
    private const string ListSet = "List";
    private MrsSession? _session;

    /// <summary>
    /// <para type="description">The job execution id. Bound by property name from New-MrsJobExecution's and this command's output.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("job_id", "job_execution_id", "Id")]
    [ValidateNotNullOrEmpty]
    public string JobId { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The id of the cluster. Required: without it the command gives an MrsClusterIdMissing error saying how to give it.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("cluster_id")]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">Only jobs with this name: a plain name matches exactly (case-sensitive, and is sent to the service); with the wildcards * and ? it matches in any case and is checked locally.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("job_name", "Name")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? JobName { get; set; }

    /// <summary>
    /// <para type="description">Only jobs of this type. SparkPython jobs are stored as SparkSubmit, so both names find them.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("job_type", "Type")]
    [ArgumentCompleter(typeof(JobTypeCompleter))]
    [ValidateJobType]
    public string? JobType { get; set; }

    /// <summary>
    /// <para type="description">Only jobs in this state: NEW, NEW_SAVING, SUBMITTED, ACCEPTED, RUNNING, FINISHED, FAILED or KILLED.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("job_state")]
    [ArgumentCompleter(typeof(JobStateCompleter))]
    [ValidateJobState]
    public string? State { get; set; }

    /// <summary>
    /// <para type="description">Only jobs with this result: UNDEFINED (not ended), SUCCEEDED, FAILED or KILLED.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("job_result")]
    [ArgumentCompleter(typeof(JobResultCompleter))]
    [ValidateJobResult]
    public string? Result { get; set; }

    /// <summary>
    /// <para type="description">Only jobs submitted by this user.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    /// <summary>
    /// <para type="description">Only jobs in this YARN queue.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Queue { get; set; }

    /// <summary>
    /// <para type="description">Only jobs submitted at or after this time (local time unless the value says otherwise).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime SubmittedAfter { get; set; }

    /// <summary>
    /// <para type="description">Only jobs submitted at or before this time.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime SubmittedBefore { get; set; }

    /// <summary>
    /// <para type="description">Stop after this many jobs (the newest first). By default every matching job is returned.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, int.MaxValue)]
    public int First { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _session = RequireSession();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ClusterId.Length == 0)
        {
            // Not mandatory to PowerShell, whose "missing mandatory parameters" says nothing of how to give it.
            WriteError(ErrorRecords.ClusterIdMissing(MyInvocation.MyCommand.Name, ParameterSetName == ByIdSet ? JobId : null));
            return;
        }

        var session = _session!;
        try
        {
            if (ParameterSetName == ByIdSet)
            {
                WriteObject(CallApi(session, (client, context) => client.GetJobAsync(ClusterId, JobId, context)));
            }
            else
            {
                WriteList(session);
            }
        }
        catch (MrsApiException ex)
        {
            WriteError(ErrorRecords.FromApi(ex, ParameterSetName == ByIdSet ? JobId : ClusterId));
        }
    }

    private bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    private void WriteList(MrsSession session)
    {
        var query = new JobListQuery
        {
            ClusterId = ClusterId,
            JobName = JobName is null ? null : new NamePattern(JobName),
            JobType = JobType,
            State = State,
            Result = Result,
            User = User,
            Queue = Queue,
            SubmittedAfter = Given(nameof(SubmittedAfter)) ? new DateTimeOffset(SubmittedAfter.ToUniversalTime()) : null,
            SubmittedBefore = Given(nameof(SubmittedBefore)) ? new DateTimeOffset(SubmittedBefore.ToUniversalTime()) : null,
        };
        var written = 0;
        var pager = new JobListPager(query);
        while (!pager.IsDone && (First == 0 || written < First))
        {
            var jobs = CallApi(session, (client, context) => pager.NextAsync(client, context));
            foreach (var job in jobs.Take(First == 0 ? int.MaxValue : First - written))
            {
                WriteObject(job);
                written++;
            }
        }

        WriteVerboseLine($"Listed {written} job(s) of cluster {ClusterId} in {pager.PagesRead} page(s){(pager.OffsetCountsRecords ? " (the service counts offset in records)" : string.Empty)}; offset counts {pager.OffsetMeaning}.");
    }
}
