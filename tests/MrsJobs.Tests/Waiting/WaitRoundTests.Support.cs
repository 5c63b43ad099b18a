using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Waiting;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary>The setup and the request counting of <see cref="WaitRoundTests"/>.</summary>
public partial class WaitRoundTests
{
    private static JobWatchList Watch(IReadOnlyList<string> ids, string clusterId, IReadOnlyList<string>? moreIds = null, string? moreClusterId = null)
    {
        var jobs = new JobWatchList();
        foreach (var id in ids)
        {
            jobs.Add(id, clusterId);
        }

        foreach (var id in moreIds ?? Array.Empty<string>())
        {
            jobs.Add(id, moreClusterId!);
        }

        return jobs;
    }

    private static async Task<List<RoundStep>> RunAsync(WaitRound round, JobWatchList jobs)
    {
        var steps = new List<RoundStep>();
        while (round.HasNext)
        {
            steps.Add(await round.NextAsync(NoRetries));
        }

        jobs.EndRound();
        return steps;
    }

    private Task PlanAsync(string jobName, int runningMs) =>
        ControlAsync("job-plans", new Dictionary<string, object> { ["job_name"] = jobName, ["new_ms"] = 0, ["accepted_ms"] = 0, ["running_ms"] = runningMs });

    private async Task<IReadOnlyList<string>> AddJobsAsync(int count, string name, string clusterId, DateTimeOffset? submittedAt = null, int intervalMs = 1)
    {
        var body = new Dictionary<string, object> { ["count"] = count, ["job_name"] = name, ["cluster_id"] = clusterId, ["interval_ms"] = intervalMs };
        if (submittedAt is { } at)
        {
            body["submitted_time"] = at.ToUnixTimeMilliseconds();
        }

        var added = await ControlAsync("jobs", body);
        return added.GetProperty("job_ids").EnumerateArray().Select(id => id.GetString()!).ToList();
    }

    private static Dictionary<string, object?> Fault(int status, string code, int count) => new()
    {
        ["cluster_id"] = SeedData.FullClusterId,
        ["count"] = count,
        ["status"] = status,
        ["error_code"] = code,
        ["error_msg"] = "injected",
        ["shape"] = "canonical",
        ["operation"] = "list",
    };

    // The reads of the rounds. The session's first list longer than a page also asks offset=0 once, to learn what
    // offset counts (JobListPager); that probe is no read of a round, and is counted apart (Probes).
    private List<RecordedRequest> Reads() =>
        Fixture.State.Requests.GetAll().Where(r => r.Method == "GET" && r.Path.Contains("/job-executions", StringComparison.Ordinal) && !IsProbe(r)).ToList();

    private List<RecordedRequest> Probes() => Fixture.State.Requests.GetAll().Where(IsProbe).ToList();

    private static bool IsProbe(RecordedRequest request) => request.Method == "GET" && QueryValue(request.Query, "offset") == "0";

    private List<RecordedRequest> Lists(string clusterId) =>
        Reads().Where(r => r.Path.EndsWith($"/clusters/{clusterId}/job-executions", StringComparison.Ordinal)).ToList();

    private List<RecordedRequest> Shows() => Reads().Where(r => r.Path.Contains("/job-executions/", StringComparison.Ordinal)).ToList();

    private static string? QueryValue(string query, string name) =>
        query.Split('&').Select(pair => pair.Split('=', 2)).Where(pair => pair[0] == name).Select(pair => Uri.UnescapeDataString(pair[1])).FirstOrDefault();

    // Our clock, shifted: the session's timers still run in real time.
    private sealed class ShiftedClock : TimeProvider
    {
        private readonly TimeSpan _shift;

        public ShiftedClock(TimeSpan shift) => _shift = shift;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
    }
}
