using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// <c>GET /v2/{project_id}/clusters/{cluster_id}/job-executions</c> (ShowJobExeListNew): 202
/// <c>{"total_record":N,"job_list":[JobQueryBean…]}</c>. Filters: <c>job_name</c> substring
/// (case-sensitive), <c>job_id</c>, <c>user</c>, <c>job_type</c>, <c>queue</c> exact,
/// <c>job_state</c>/<c>job_result</c> any case, <c>submitted_time_begin</c> ≤ submitted ≤
/// <c>submitted_time_end</c>. Sorted by submission time (<c>sort_by</c>, default desc), then paged by
/// <c>limit</c> and <c>offset</c>, whose meaning (pages or jobs, from 0 or 1) is the <see cref="ListOffsetMode"/>
/// setting; an offset below the first is refused with 400 <c>MRS.0002</c>.
/// </summary>
internal static class ListJobsEndpoint
{
    public static IResult Handle(
        HttpContext context,
        [FromRoute(Name = "project_id")] string projectId,
        [FromRoute(Name = "cluster_id")] string clusterId,
        EmulatorState state)
    {
        if (ClusterGate.CheckExists(state, projectId, clusterId) is { } missing)
        {
            return missing;
        }

        if (FaultAnswers.Take(state, clusterId, FaultOperation.List) is { } fault)
        {
            return FaultAnswers.Answer(context, state, fault);
        }

        var mode = state.Settings.ListOffsetMode;
        var query = ListJobsQuery.Read(context.Request.Query, ListOffsetModes.FirstOffset(mode), out var refusal);
        if (query is null)
        {
            return refusal!;
        }

        var now = state.Time.GetUtcNow();
        var matches = state.Jobs.GetOnCluster(clusterId)
            .Where(job => job.ProjectId == projectId && Matches(query, job))
            .Select((job, order) => (Job: job, Order: order, Status: JobTimeline.At(job, now)))
            .Where(j => Matches(query, j.Status))
            .OrderBy(j => j.Job.SubmittedAt).ThenBy(j => j.Order)
            .ToList();
        if (query.Descending)
        {
            matches.Reverse();
        }

        var skip = ListOffsetModes.Skip(mode, query.Offset, query.Limit);
        var page = matches.Skip((int)System.Math.Min(skip, int.MaxValue)).Take(query.Limit)
            .Select(j => (JsonNode)JobQueryBean.Describe(j.Job, j.Status))
            .ToArray();

        // Changes a test queued for "after the Nth list" happen now: the next page sees them.
        state.ListChanges.AfterList(clusterId);
        return JsonReply.Create(StatusCodes.Status202Accepted, new JsonObject
        {
            ["total_record"] = matches.Count,
            ["job_list"] = new JsonArray(page),
        });
    }

    private static bool Matches(ListJobsQuery query, StoredJob job) =>
        (query.JobName is null || job.JobName.Contains(query.JobName, System.StringComparison.Ordinal))
        && (query.JobId is null || job.JobId == query.JobId)
        && (query.User is null || job.User == query.User)
        && (query.JobType is null || job.JobType == query.JobType)
        && (query.Queue is null || JobQueryBean.QueueOf(job) == query.Queue)
        && (query.SubmittedTimeBegin is not { } begin || job.SubmittedAt.ToUnixTimeMilliseconds() >= begin)
        && (query.SubmittedTimeEnd is not { } end || job.SubmittedAt.ToUnixTimeMilliseconds() <= end);

    private static bool Matches(ListJobsQuery query, JobStatus status) =>
        (query.JobState is null || status.State == query.JobState)
        && (query.JobResult is null || status.Result == query.JobResult);
}
