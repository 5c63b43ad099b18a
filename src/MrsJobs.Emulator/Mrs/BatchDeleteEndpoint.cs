using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// <c>POST …/job-executions/batch-delete</c> (BatchDeleteJobs) <c>{"job_id_list":["…"]}</c>: 200 with an
/// empty body once every listed job is gone. All or nothing: content type as for submission (415);
/// a body that is not exactly that object → 400 12000002; an empty list or a blank id → 500 0178;
/// a job not on this cluster → 500 0176; a job that has not ended → 500 0161 (kill it first).
/// Repeated ids count once.
/// </summary>
internal static class BatchDeleteEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromRoute(Name = "project_id")] string projectId,
        [FromRoute(Name = "cluster_id")] string clusterId,
        EmulatorState state)
    {
        if (ContentTypeRule.Check(context.Request) is { } unsupported)
        {
            return unsupported;
        }

        if (ClusterGate.CheckExists(state, projectId, clusterId) is { } missing)
        {
            return missing;
        }

        var ids = ReadIds(await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false), out var error);
        if (ids is null)
        {
            return MrsErrors.InvalidParameter(error!);
        }

        if (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace))
        {
            return MrsErrors.JobRefused("0178", "The job ID cannot be left blank.");
        }

        var now = state.Time.GetUtcNow();
        var refusal = state.Jobs.RemoveAllOrNone(ids, (id, job) =>
            job is null || !JobLookup.IsOn(job, projectId, clusterId) ? MrsErrors.JobNotFound()
            : !JobTimeline.At(job, now).IsTerminal ? MrsErrors.JobRefused("0161", $"Failed to delete jobs in batches: job {id} has not ended; stop it first.")
            : null);
        return refusal ?? Results.Ok();
    }

    private static IReadOnlyCollection<string>? ReadIds(string body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var members = root.ValueKind == JsonValueKind.Object ? root.EnumerateObject().ToArray() : null;
            if (members is null || members.Length != 1 || members[0].Name != "job_id_list")
            {
                error = "body: must be {\"job_id_list\":[\"job id\", …]} and nothing else";
                return null;
            }

            var list = members[0].Value;
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            {
                error = "job_id_list: must be an array of strings";
                return null;
            }

            error = null;
            return list.EnumerateArray().Select(i => i.GetString()!).Distinct().ToArray();
        }
        catch (JsonException ex)
        {
            error = $"body: must be a JSON object ({ex.Message})";
            return null;
        }
    }
}
