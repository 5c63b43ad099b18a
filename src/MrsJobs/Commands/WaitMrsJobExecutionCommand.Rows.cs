using System.Collections;
using System.Management.Automation;
using MrsJobs.Binding;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Waiting;
using MrsJobs.Errors;

namespace MrsJobs.Commands;

/// <summary>
/// Wait-MrsJobExecution's rows: what it binds from New-MrsJobExecution's output besides the job id, so
/// that its output has one JobExecution per input row, in a single type: a job's carries its Row and
/// Origin, and a row that became no job (-IncludeFailed) passes through without anything being read.
/// </summary>
public sealed partial class WaitMrsJobExecutionCommand
{
    /// <summary>
    /// <para type="description">The job execution id (the JobId of New-MrsJobExecution's and Get-MrsJobExecution's output). An empty id is allowed only for a row that became no job (an Origin of Invalid, Refused, NotSent or Unknown), which is passed through.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("job_id", "job_execution_id", "Id")]
    [AllowNull]
    [AllowEmptyString]
    public new string? JobId { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The id of the cluster the job runs on. Required for a job (without it the job gets an MrsClusterIdMissing error); empty only for a row that became no job.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("cluster_id")]
    [AllowNull]
    [AllowEmptyString]
    public new string? ClusterId { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The input row of New-MrsJobExecution the job came from, copied to the output's Row. Bound by property name from New-MrsJobExecution's output; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public int Row { get; set; }

    /// <summary>
    /// <para type="description">How New-MrsJobExecution learned the job, or why its row became no job (Invalid, Refused, NotSent, Unknown: such a row is passed through without a wait), copied to the output's Origin. Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? Origin { get; set; }

    /// <summary>
    /// <para type="description">The id of the error a row that became no job was given, copied to the output. Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? ErrorId { get; set; }

    /// <summary>
    /// <para type="description">The message of the error a row that became no job was given, copied to the output. Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? Error { get; set; }

    /// <summary>
    /// <para type="description">The submitted job name, for a row that became no job. Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("job_name")]
    [AllowNull]
    [AllowEmptyString]
    public string? JobName { get; set; }

    /// <summary>
    /// <para type="description">The submitted job type, for a row that became no job. Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("job_type")]
    [AllowNull]
    [AllowEmptyString]
    public string? JobType { get; set; }

    /// <summary>
    /// <para type="description">The submitted arguments (a list, or a cell in the CSV notation): a row that became no job carries them, and a job keeps them where the service's text of its arguments agrees (that text cannot tell an argument holding ', ' from two). Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    [AllowEmptyCollection]
    [ArgumentsTransformation]
    public string[]? Arguments { get; set; }

    /// <summary>
    /// <para type="description">The submitted properties (a dictionary, or a cell in the CSV notation), used as Arguments is. Bound by property name; not meant to be given by name.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    [PropertiesTransformation]
    public IDictionary? Properties { get; set; }

    private PipedRow ReadRow() =>
        new(Row, Origin, JobInputReader.Read(ClusterId, JobName, JobType, Arguments, Properties, argumentsOnCommandLine: false));

    /// <summary>
    /// A row that became no job is written through as it is (its error was New-MrsJobExecution's); an empty
    /// id that stands for no such row is not a job id. <c>true</c> when the input was dealt with here.
    /// </summary>
    private bool TookRowWithoutJob(PipedRow row)
    {
        if (row.HasNoJob(JobId))
        {
            WriteObject(row.WithoutJob(ErrorId, Error));
            return true;
        }

        if (string.IsNullOrEmpty(JobId))
        {
            var error = ErrorRecords.InvalidId(ErrorIds.InvalidJobId, "'' is not a job id: it is required (a row of New-MrsJobExecution -IncludeFailed that became no job has an Origin that says why). Nothing was sent.", JobId);
            FailWithLine(error, row.Unread(string.Empty, ClusterId).WithError);
            return true;
        }

        return false;
    }
}
