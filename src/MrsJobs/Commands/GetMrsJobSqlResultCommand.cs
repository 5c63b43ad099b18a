using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using MrsJobs.Completion;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Errors;
using MrsJobs.Hosting;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Gets the result rows of a SparkSql or SparkScript job's statements.</para>
/// <para type="description">Writes one object per row, its properties the statement's columns. The service returns at most the first 10 rows of each statement; the full result is in HDFS.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MrsJobSqlResult", HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Get-MrsJobSqlResult.md")]
[OutputType(typeof(PSObject))]
public sealed class GetMrsJobSqlResultCommand : MrsJobCmdletBase
{
    /// <summary>The type name of -AsStatement's objects (for the format view).</summary>
    public const string StatementTypeName = "MrsJobs.SqlStatementResult";

    private MrsSession? _session;

    /// <summary>
    /// <para type="description">The job's type, when known (bound from New-MrsJobExecution's and Get-MrsJobExecution's output). Only SparkSql and SparkScript jobs have a SQL result: for other types nothing is sent.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("job_type", "Type")]
    [ArgumentCompleter(typeof(JobTypeCompleter))]
    public string? JobType { get; set; }

    /// <summary>
    /// <para type="description">Only the rows of this statement, counted from 0; negative numbers count from the end (-1 is the last statement, usually the SELECT).</para>
    /// </summary>
    [Parameter]
    public int Statement { get; set; }

    /// <summary>
    /// <para type="description">Writes one object per statement (StatementIndex and Rows) instead of the rows.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AsStatement { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _session = RequireSession();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!ClusterIdGiven())
        {
            return;
        }

        if (JobType is { Length: > 0 } type && !HasSqlResult(type))
        {
            WriteError(JobErrorRecords.SqlResultNotAvailable(JobId, type));
            return;
        }

        var session = _session!;
        IReadOnlyList<SqlStatementResult> statements;
        try
        {
            statements = CallApi(session, (client, context) => client.GetSqlResultAsync(ClusterId, JobId, context));
        }
        catch (MrsApiException ex)
        {
            WriteError(ErrorRecords.FromApi(ex, JobId));
            return;
        }

        foreach (var statement in Select(statements))
        {
            var rows = statement.Rows.Select(ToObject).ToArray();
            if (AsStatement)
            {
                WriteObject(ToStatementObject(statement.StatementIndex, rows));
            }
            else
            {
                WriteObject(rows, enumerateCollection: true);
            }
        }
    }

    private IEnumerable<SqlStatementResult> Select(IReadOnlyList<SqlStatementResult> statements)
    {
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(Statement)))
        {
            return statements;
        }

        var wanted = Statement;
        var fromEnd = statements.Count + wanted;
        var list = wanted < 0
            ? statements.Where((_, position) => position == fromEnd).ToList()
            : statements.Where(s => s.StatementIndex == wanted).ToList();
        if (list.Count == 0)
        {
            WriteError(JobErrorRecords.NoSuchStatement(JobId, wanted, statements.Select(s => s.StatementIndex).ToList()));
        }

        return list;
    }

    private static PSObject ToStatementObject(int index, PSObject[] rows)
    {
        var shown = new PSObject();
        shown.TypeNames.Insert(0, StatementTypeName);
        shown.Properties.Add(new PSNoteProperty("StatementIndex", index));
        shown.Properties.Add(new PSNoteProperty("Rows", rows));
        return shown;
    }

    // PowerShell property names ignore case: a second "id" or an "ID" (SELECT a.id, b.ID) becomes "ID_2"
    // rather than silently replacing the first (PowerShell 7) or failing (Windows PowerShell).
    private static PSObject ToObject(IReadOnlyList<KeyValuePair<string, object?>> row)
    {
        var shown = new PSObject();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in row)
        {
            var name = column.Key;
            for (var n = 2; !names.Add(name); n++)
            {
                name = column.Key + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            shown.Properties.Add(new PSNoteProperty(name, column.Value));
        }

        return shown;
    }

    private static bool HasSqlResult(string jobType) =>
        JobTypes.TryNormalize(jobType, out var canonical) && canonical is JobTypes.SparkSql or JobTypes.SparkScript;
}
