using System;
using System.Collections;
using System.Management.Automation;
using System.Threading.Tasks;
using MrsJobs.Binding;
using MrsJobs.Completion;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Submission;
using MrsJobs.Core.Validation;
using MrsJobs.Errors;
using MrsJobs.Hosting;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Submits jobs to an MRS cluster (SubmitJobV2), one per pipeline object, several at a time, each exactly once.</para>
/// <para type="description">Every job is checked against the documented contract before anything is sent; a broken row gives a non-terminating error naming its row, and the others still go. Up to -ThrottleLimit submissions are in flight; results come out in input order. A submission is retried only when the service certainly did not process it; a lost answer is settled by listing the cluster's jobs, never by sending again. With -JournalPath a run that was stopped can be run again and creates each job exactly once.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MrsJobExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/New-MrsJobExecution.md")]
[OutputType(typeof(JobSubmitResult))]
public sealed partial class NewMrsJobExecutionCommand : MrsApiCmdletBase
{
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(5);
    private int _row;
    private string _projectId = string.Empty;
    private bool _argumentsOnCommandLine;
    private SubmissionEngine? _engine;
    private SubmissionJournal? _journal;

    /// <summary>
    /// <para type="description">The id of the cluster to run the job on: 1 to 64 letters, digits, '-' or '_'.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("cluster_id")]
    [AllowNull]
    [AllowEmptyString]
    public string? ClusterId { get; set; }

    /// <summary>
    /// <para type="description">The job name: 1 to 64 letters, digits, '-' or '_'. Names need not be unique. Required.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("job_name", "Name")]
    [AllowNull]
    [AllowEmptyString]
    public string? JobName { get; set; }

    /// <summary>
    /// <para type="description">The job type: MapReduce, SparkSubmit, SparkPython, HiveScript, HiveSql, DistCp, SparkScript, SparkSql or Flink (any case). Required.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("job_type", "Type")]
    [AllowNull]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(JobTypeCompleter))]
    public string? JobType { get; set; }

    /// <summary>
    /// <para type="description">The program arguments. An array is sent item by item, and a single string typed on the command line is one argument. A single string from the pipeline (such as a CSV cell) is either a JSON array of strings, when its first non-blank character is '[', or words separated by whitespace.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("arg", "args")]
    [AllowNull]
    [AllowEmptyCollection]
    [ArgumentsTransformation]
    public string[]? Arguments { get; set; }

    /// <summary>
    /// <para type="description">The program's system properties. A hashtable or object is sent key by key. A single string (such as a CSV cell) is either a JSON object, when its first non-blank character is '{', or key=value pairs separated by ';' or line breaks.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [PropertiesTransformation]
    public IDictionary? Properties { get; set; }

    /// <summary>
    /// <para type="description">The pipeline object itself (a CSV row). Every object is a row, even one that has none of the job's properties, so that row numbers in errors never drift; such a row gets its own error.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>
    /// <para type="description">Documented rules not to check locally, for when the service accepts what the API page forbids (its own HiveSql example has ';' and '"' in an argument): JobType, JobName, ArgumentCharacters, ArgumentLength, PropertyCharacters, PropertyLength, or All.</para>
    /// </summary>
    [Parameter]
    public JobRule[]? SkipCheck { get; set; }

    /// <summary>
    /// <para type="description">How many submissions may be in flight at once (1 to 64; default 8). Results still come out in input order.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = SubmissionOptions.DefaultThrottleLimit;

    /// <summary>
    /// <para type="description">A file (JSON lines) where each row's intent is written before its request is sent, and its outcome after. Run the same input again with the same journal to resume: rows already accepted are not sent again (their results come out with Origin Journal), rows whose answer was lost are looked up, and the rest are sent.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    /// <summary>
    /// <para type="description">Also writes a JobSubmitResult for each row that became no job (invalid, refused by the service, not sent, or outcome unknown), besides its error: JobId empty, Origin Invalid, Refused, NotSent or Unknown, ErrorId and Error from the error. With it, the output has one object per input row, in input order, so one Export-Csv accounts for every row.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeFailed { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _argumentsOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Arguments));
        var session = FindSession();
        _projectId = session?.ProjectId ?? string.Empty;
        if (session is null)
        {
            if (!IsDryRun())
            {
                ThrowTerminatingError(ErrorRecords.NotConnected());
            }

            return;
        }

        if (!IsDryRun())
        {
            StartEngine(session);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        _row++;
        var subject = new RowSubject(_row, ClusterId, JobName, JobType, MyInvocation.ExpectingInput);
        var notARow = MyInvocation.ExpectingInput ? JobInputReader.NotARow(InputObject) : null;
        var input = notARow is null ? JobInputReader.Read(ClusterId, JobName, JobType, Arguments, Properties, _argumentsOnCommandLine) : null;
        var validation = input is not null
            ? JobDefinitionValidator.Validate(input, SkipRules())
            : new ValidationResult(null, new[] { notARow! });
        SubmissionRow row;
        if (validation.IsValid)
        {
            var job = validation.Definition!;
            if (!ShouldProcess($"{job.JobType} job '{job.JobName}' on cluster {job.ClusterId}", "Submit"))
            {
                return;
            }

            row = new SubmissionRow(_row, job, subject);
        }
        else
        {
            row = new SubmissionRow(_row, validation.Failures, subject, input);
        }

        if (_engine is null)
        {
            // -WhatIf: nothing is sent, but broken rows are still reported.
            WriteOutcome(new SubmissionOutcome(row, SubmissionOutcomeKind.Invalid));
            return;
        }

        PumpUntil(Admit(row));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_engine is not null)
        {
            PumpUntil(_engine.CompleteAsync());
        }
    }

    /// <summary>
    /// However the command ended (done, stopped, or an upstream command failed), nothing is sent after it:
    /// the engine stops sending, requests in flight get a few seconds and are then cancelled, and the engine
    /// closes the journal once no row can write to it.
    /// </summary>
    protected override void Release()
    {
        if (_engine is null)
        {
            _journal?.Dispose();
            return;
        }

        // Requests on the wire get a few seconds to bring their answers (a known outcome beats an unknown
        // one); rows not yet sent are not sent; then whatever is left is cancelled.
        _engine.StopSending();
        if (!_engine.CompleteAsync().Wait(InFlightGrace))
        {
            CancelWork();
        }

        _engine.Close();
    }

    private JobRule SkipRules()
    {
        var rules = JobRule.None;
        foreach (var rule in SkipCheck ?? Array.Empty<JobRule>())
        {
            rules |= rule;
        }

        return rules;
    }

    private bool IsDryRun() =>
        (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter { IsPresent: true })
        || GetVariableValue("WhatIfPreference") switch
        {
            bool preference => preference,
            SwitchParameter preference => preference.IsPresent,
            _ => false,
        };
}
