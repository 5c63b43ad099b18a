using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Api;

/// <summary>The SQL result of a SparkSql or SparkScript job (ShowSqlResultWithJob).</summary>
internal sealed partial class MrsJobClient
{
    // The page's table names the member "sql-results", its example and the SDKs "sql_results": both are read.
    private static readonly string[] ResultMembers = { "sql_results", "sql-results" };

    /// <summary><c>GET …/job-executions/{job_execution_id}/sql-result</c>: <c>{"sql_results":{"0":[{…}],"1":[…]}}</c>, statements in order.</summary>
    /// <exception cref="MrsApiException">The service refused (for example <c>0172</c>, results could not be collected) or could not be reached.</exception>
    public async Task<IReadOnlyList<SqlStatementResult>> GetSqlResultAsync(string clusterId, string jobId, CallContext context)
    {
        var response = await SendAsync(HttpMethod.Get, clusterId, "/" + Escape(RequireId(jobId, "job")) + "/sql-result", null, RequestKind.Read, context, body => ReadStatements(body) is not null).ConfigureAwait(false);
        var statements = response.Classification.IsSuccess ? ReadStatements(response.Body) : null;
        return statements ?? throw Refusal(response, $"to return the SQL result of job {jobId} on cluster {clusterId}", clusterId);
    }

    private static IReadOnlyList<SqlStatementResult>? ReadStatements(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in ResultMembers)
            {
                if (document.RootElement.TryGetProperty(name, out var results))
                {
                    return results.ValueKind switch
                    {
                        JsonValueKind.Object => results.EnumerateObject()
                            .Select(s => new SqlStatementResult(Index(s.Name), Rows(s.Value)))
                            .OrderBy(s => s.StatementIndex)
                            .ToList(),
                        JsonValueKind.Null => Array.Empty<SqlStatementResult>(),
                        _ => null,
                    };
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int Index(string name) =>
        int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue;

    private static IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> Rows(JsonElement statement)
    {
        var rows = new List<IReadOnlyList<KeyValuePair<string, object?>>>();
        var items = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToList() : new List<JsonElement> { statement };
        foreach (var row in items.Where(r => r.ValueKind == JsonValueKind.Object))
        {
            rows.Add(row.EnumerateObject().Select(c => new KeyValuePair<string, object?>(c.Name, Value(c.Value))).ToList());
        }

        return rows;
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
