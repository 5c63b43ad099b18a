using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// <c>GET …/job-executions/{job_execution_id}/sql-result</c> (ShowSqlResultWithJob): 202
/// <c>{"sql_results":{"0":[{column:value,…}],…}}</c> — one key per statement, each an array of row objects
/// whose values are strings. Refusals, in this order (HTTP 500, codes from the error-code table):
/// not SparkSql/SparkScript → 0179; not ended → 0183; ended without SUCCEEDED → 0181.
/// </summary>
internal static class SqlResultEndpoint
{
    /// <summary>The rows of jobs whose plan sets none: the documented example's last statement.</summary>
    public const string DefaultSqlResults = "{\"0\":[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":\"b\"}]}";

    public static IResult Handle(EmulatorState state, StoredJob job)
    {
        if (job.JobType is not ("SparkSql" or "SparkScript"))
        {
            return MrsErrors.JobRefused("0179", "The job type must be SparkSql or SparkScript.");
        }

        var status = JobTimeline.At(job, state.Time.GetUtcNow());
        if (!status.IsTerminal)
        {
            return MrsErrors.JobRefused("0183", "The job is running.");
        }

        if (status.Result != "SUCCEEDED")
        {
            return MrsErrors.JobRefused("0181", "The SQL job result collection is empty.");
        }

        return JsonReply.Create(StatusCodes.Status202Accepted, new JsonObject
        {
            ["sql_results"] = JsonNode.Parse(job.Plan.SqlResultsJson ?? DefaultSqlResults),
        });
    }
}
