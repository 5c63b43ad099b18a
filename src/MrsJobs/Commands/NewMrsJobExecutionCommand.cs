using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Binding;
using MrsJobs.Completion;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Validation;
using MrsJobs.Errors;
using MrsJobs.Hosting;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Submits jobs to an MRS cluster (SubmitJobV2), one per pipeline object.</para>
/// <para type="description">Every job is checked against the documented contract before anything is sent; a broken job gives a non-terminating error naming its row, and the others still go.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MrsJobExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(JobSubmitResult))]
public sealed class NewMrsJobExecutionCommand : MrsApiCmdletBase
{
    private MrsSession? _session;
    private int _row;
    private bool _argumentsOnCommandLine;
    private readonly AuthenticationFuse _fuse = new();

    /// <summary>
    /// <para type="description">The id of the cluster to run the job on.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("cluster_id")]
    [AllowEmptyString]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The job name: 1 to 64 letters, digits, '-' or '_'. Names need not be unique.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("job_name", "Name")]
    [AllowEmptyString]
    public string JobName { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The job type: MapReduce, SparkSubmit, SparkPython, HiveScript, HiveSql, DistCp, SparkScript, SparkSql or Flink (any case).</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("job_type", "Type")]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(JobTypeCompleter))]
    public string JobType { get; set; } = string.Empty;

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
    /// <para type="description">Documented rules not to check locally, for when the service accepts what the API page forbids (its own HiveSql example has ';' and '"' in an argument): JobType, JobName, ArgumentCharacters, ArgumentLength, PropertyCharacters, PropertyLength, or All.</para>
    /// </summary>
    [Parameter]
    public JobRule[]? SkipCheck { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _argumentsOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Arguments));
        _session = FindSession();
        if (_session is null && !IsDryRun())
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        _row++;
        var subject = MyInvocation.ExpectingInput
            ? string.Format(CultureInfo.InvariantCulture, "Row {0} (job '{1}')", _row, JobName)
            : $"Job '{JobName}'";
        var input = JobInputReader.Read(this);
        var validation = JobDefinitionValidator.Validate(input, SkipRules());
        if (!validation.IsValid)
        {
            WriteError(ErrorRecords.InvalidJob(subject, validation.Failures, ValidationTarget(input)));
            return;
        }

        var job = validation.Definition!;
        if (!ShouldProcess($"{job.JobType} job '{job.JobName}' on cluster {job.ClusterId}", "Submit"))
        {
            return;
        }

        var session = _session ??= RequireSession();
        if (_fuse.Cause is { } refusal)
        {
            // The service already refused our credentials: don't send a request that must fail, but report the row.
            WriteError(ErrorRecords.NotSentAfterAuthenticationFailure(subject, refusal, FailedResult(job, session, refusal)));
            return;
        }

        try
        {
            var result = CallApi(session, (client, cancellation) => client.SubmitJobAsync(job, cancellation));
            WriteObject(result);
        }
        catch (MrsApiException ex)
        {
            WriteError(ErrorRecords.FromApi(ex, FailedResult(job, session, ex), MyInvocation.ExpectingInput ? subject : null));
            _fuse.Observe(ex);
        }
    }

    private static JobSubmitResult FailedResult(Core.Models.JobDefinition job, MrsSession session, MrsApiException ex) => new(
        null, SubmitStates.Failed, job.JobName, job.JobType, job.ClusterId, session.ProjectId, DateTimeOffset.Now, ex.ErrorCode, ex.ServiceMessage ?? ex.Summary);

    private PSObject ValidationTarget(JobInput input)
    {
        var target = new PSObject();
        target.Properties.Add(new PSNoteProperty("Row", _row));
        target.Properties.Add(new PSNoteProperty("ClusterId", input.ClusterId));
        target.Properties.Add(new PSNoteProperty("JobName", input.JobName));
        target.Properties.Add(new PSNoteProperty("JobType", input.JobType));
        return target;
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

    /// <summary>Reads the bound parameters into the core's raw input, including cells that could not be parsed.</summary>
    private static class JobInputReader
    {
        public static JobInput Read(NewMrsJobExecutionCommand command)
        {
            var input = new JobInput
            {
                ClusterId = command.ClusterId,
                JobName = command.JobName,
                JobType = command.JobType,
                Arguments = ReadArguments(command),
                Properties = ReadProperties(command.Properties),
            };
            if (!command._argumentsOnCommandLine)
            {
                AddCellFailure(input, command.Arguments);
            }

            AddCellFailure(input, command.Properties);
            return input;
        }

        private static void AddCellFailure(JobInput input, object? boundValue)
        {
            if (CellParseFailures.Find(boundValue) is { } failure)
            {
                input.InputFailures.Add(new ValidationFailure(failure.Field, failure.Field == "arguments" ? "ArgumentsFormat" : "PropertiesFormat", failure.Message));
            }
        }

        // A single string from the pipeline (a CSV cell) is read in cell notation; typed on the command line it is one argument.
        private static IReadOnlyList<string?>? ReadArguments(NewMrsJobExecutionCommand command)
        {
            if (!command._argumentsOnCommandLine && CellParseFailures.Find(command.Arguments) is not null)
            {
                return null;
            }

            return command._argumentsOnCommandLine ? command.Arguments : CellParseFailures.FindArguments(command.Arguments) ?? command.Arguments;
        }

        private static IReadOnlyList<KeyValuePair<string, string?>>? ReadProperties(IDictionary? properties)
        {
            if (properties is null)
            {
                return null;
            }

            var pairs = new List<KeyValuePair<string, string?>>(properties.Count);
            foreach (DictionaryEntry entry in properties)
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                pairs.Add(new KeyValuePair<string, string?>(
                    Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty,
                    value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)));
            }

            return pairs;
        }
    }
}
