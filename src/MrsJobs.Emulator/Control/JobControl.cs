using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Mrs;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/jobs</c>: list the stored jobs with their state now, and store many at once.</summary>
internal static class JobControl
{
    public const int MaxCount = 10_000;

    public static IResult List(EmulatorState state)
    {
        var now = state.Time.GetUtcNow();
        return ControlJson.Ok(state.Jobs.GetAll().Select(j =>
        {
            var status = JobTimeline.At(j, now);
            return new JobView(
                j.JobId,
                j.ProjectId,
                j.ClusterId,
                j.JobType,
                j.JobName,
                j.Arguments,
                j.Properties,
                j.User,
                j.SubmittedAt.ToUnixTimeMilliseconds(),
                status.State,
                status.Result);
        }));
    }

    /// <summary>
    /// Stores <c>count</c> jobs as if submitted (plans resolved by name), <c>interval_ms</c> apart, the last
    /// at <c>submitted_time</c> (default now); <c>{n}</c> in <c>job_name</c> becomes the 1-based index. A
    /// <c>job_id</c> (one job only, 1-64 letters, digits, '-' or '_', not stored yet) replaces the new GUID.
    /// </summary>
    public static async Task<IResult> AddAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<JobsBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        return Check(body, state) is { } error
            ? ControlJson.BadRequest(error)
            : ControlJson.Ok(new JobsAdded(Store(body, state)), StatusCodes.Status201Created);
    }

    /// <summary>Why <paramref name="body"/> cannot be stored, or <see langword="null"/> when it can.</summary>
    internal static string? Check(JobsBody body, EmulatorState state)
    {
        var count = body.Count ?? 1;
        var jobType = body.JobType ?? "MapReduce";
        var error = count is < 1 or > MaxCount ? $"count must be from 1 to {MaxCount}."
            : (body.IntervalMs ?? 1) < 0 ? "interval_ms must be at least 0."
            : !JobTypes.All.Contains(jobType, StringComparer.Ordinal) ? $"Unknown job_type '{jobType}'."
            : state.Clusters.Find(body.ClusterId ?? SeedData.FullClusterId) is null ? $"No cluster {body.ClusterId}."
            : body.JobId is null ? null
            : count != 1 ? "job_id needs count 1."
            : !JobSubmissionRules.IsValidJobName(body.JobId) ? $"job_id '{body.JobId}' breaks ^[A-Za-z0-9_-]{{1,64}}$."
            : state.Jobs.Find(body.JobId) is not null ? $"A job {body.JobId} is stored already."
            : null;
        return error ?? (Names(body, count).FirstOrDefault(n => !JobSubmissionRules.IsValidJobName(n)) is { } bad
            ? $"job_name '{bad}' breaks ^[A-Za-z0-9_-]{{1,64}}$."
            : null);
    }

    /// <summary>Stores the jobs of a body that passed <see cref="Check"/>; returns their ids, oldest first.</summary>
    internal static IReadOnlyList<string> Store(JobsBody body, EmulatorState state)
    {
        var count = body.Count ?? 1;
        var interval = body.IntervalMs ?? 1;
        var cluster = state.Clusters.Find(body.ClusterId ?? SeedData.FullClusterId)!;
        var names = Names(body, count);
        var last = body.SubmittedTime is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : state.Time.GetUtcNow();
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var job = state.Admit(new StoredJob(
                body.JobId ?? Guid.NewGuid().ToString(),
                cluster.ProjectId,
                cluster.ClusterId,
                JobTypes.StoredAs(body.JobType ?? "MapReduce"),
                names[i],
                body.Arguments ?? Array.Empty<string>(),
                body.Properties ?? new Dictionary<string, string>(),
                body.User ?? SeedData.UserName,
                last.AddMilliseconds(-(count - 1 - i) * (double)interval)));
            ids.Add(job.JobId);
        }

        return ids;
    }

    private static string[] Names(JobsBody body, int count) => Enumerable.Range(1, count)
        .Select(n => (body.JobName ?? "bulk-job-{n}").Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        .ToArray();
}
