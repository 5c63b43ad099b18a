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

/// <summary>Rounds against the emulator: the requests a round sends (lists, fallback shows) and what they settle.</summary>
public class WaitRoundTests : EmulatorTest
{
    private static readonly CallContext NoRetries = new(null, CancellationToken.None, RetryPolicy.None);

    public WaitRoundTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ListsAClusterOfManyJobsInPagesAndShowsTheJobsOfAClusterWithFew()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var many = await AddJobsAsync(250, "slow-many-{n}", SeedData.FullClusterId);
        var few = await AddJobsAsync(2, "slow-few-{n}", SeedData.HadoopOnlyClusterId);
        var jobs = Watch(many, SeedData.FullClusterId, few, SeedData.HadoopOnlyClusterId);
        var session = await ConnectAsync();

        var round = new WaitRound(jobs, session);
        await RunAsync(round, jobs);

        Assert.Equal(new[] { true, false }, round.Plans.Select(p => p.Lists));
        Assert.Equal(3, Lists(SeedData.FullClusterId).Count);
        Assert.InRange(Probes().Count, 0, 1);
        Assert.Equal(few.OrderBy(id => id), Shows().Select(r => r.Path.Split('/').Last()).OrderBy(id => id));
        Assert.Equal(5, Reads().Count);
        Assert.All(jobs.Pending, job => Assert.Equal(JobStates.Running, job.Last?.State));
        Assert.Equal(3, jobs.Listings.LastCost(SeedData.FullClusterId));
    }

    [Fact]
    public async Task ListsOnlyTheWindowOfTheJobsStillWaitedForOnceTheirSubmissionTimesAreKnown()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var now = DateTimeOffset.UtcNow;
        var ours = await AddJobsAsync(150, "slow-ours-{n}", SeedData.FullClusterId, submittedAt: now.AddMinutes(-10), intervalMs: 1000);
        var jobs = Watch(ours, SeedData.FullClusterId);
        var session = await ConnectAsync();
        await RunAsync(new WaitRound(jobs, session), jobs);
        await AddJobsAsync(300, "slow-later-{n}", SeedData.FullClusterId);
        await AddJobsAsync(300, "slow-earlier-{n}", SeedData.FullClusterId, submittedAt: now.AddHours(-1));
        Fixture.State.Requests.Clear();

        await RunAsync(new WaitRound(jobs, session), jobs);

        var lists = Lists(SeedData.FullClusterId);
        Assert.Equal(2, lists.Count);
        var first = now.AddMinutes(-10).AddSeconds(-149).ToUnixTimeMilliseconds();
        var last = now.AddMinutes(-10).ToUnixTimeMilliseconds();
        Assert.Equal((first - 5000).ToString(CultureInfo.InvariantCulture), QueryValue(lists[0].Query, "submitted_time_begin"));
        Assert.Equal((last + 5000).ToString(CultureInfo.InvariantCulture), QueryValue(lists[0].Query, "submitted_time_end"));
        Assert.Empty(Shows());
    }

    [Fact]
    public async Task SettlesEveryJobThatEndedOnceAndStopsListingTheClusterWhenAllHaveEnded()
    {
        await PlanAsync("quick-*", runningMs: 0);
        var ids = await AddJobsAsync(5, "quick-{n}", SeedData.FullClusterId);
        var jobs = Watch(ids, SeedData.FullClusterId);
        var session = await ConnectAsync();

        var steps = await RunAsync(new WaitRound(jobs, session), jobs);

        var ended = steps.SelectMany(s => s.Ended).ToList();
        Assert.Equal(ids, ended.Select(e => e.Job.JobId));   // the order they ended (1 ms apart), not the list's newest first
        Assert.All(ended, e => Assert.Equal(JobResults.Succeeded, e.State.Result));
        Assert.Empty(jobs.Pending);
        Assert.Single(Reads());
        Assert.False(new WaitRound(jobs, session).HasNext);
    }

    [Fact]
    public async Task ShowsAJobTheListNoLongerHoldsAndGivesUpOnItWhenItIsGone()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var ids = await AddJobsAsync(5, "slow-{n}", SeedData.FullClusterId);
        var jobs = Watch(ids, SeedData.FullClusterId);
        var session = await ConnectAsync();
        await RunAsync(new WaitRound(jobs, session), jobs);
        await session.Jobs.KillJobAsync(SeedData.FullClusterId, ids[2], CallContext.None);
        await session.Jobs.DeleteJobsAsync(SeedData.FullClusterId, new[] { ids[2] }, CallContext.None);
        Fixture.State.Requests.Clear();

        var steps = await RunAsync(new WaitRound(jobs, session), jobs);

        var gone = Assert.Single(steps.SelectMany(s => s.GaveUp));
        Assert.Equal(ids[2], gone.Job.JobId);
        Assert.Equal(MrsErrorKind.NotFound, gone.Error.Kind);
        Assert.Single(Lists(SeedData.FullClusterId));
        Assert.Equal(ids[2], Assert.Single(Shows()).Path.Split('/').Last());
        Assert.Equal(4, jobs.Pending.Count);
    }

    [Fact]
    public async Task CountsAThrottledListAsAFailedReadOfEachJobWithoutShowingThemAndBacksOff()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var jobs = Watch(await AddJobsAsync(5, "slow-{n}", SeedData.FullClusterId), SeedData.FullClusterId);
        var session = await ConnectAsync();
        await ControlAsync("faults", Fault(429, "APIGW.0308", count: 1));

        await RunAsync(new WaitRound(jobs, session), jobs);

        Assert.Single(Reads());
        Assert.All(jobs.Pending, job => Assert.Equal(1, job.ConsecutiveFailures));
        Assert.Equal(TimeSpan.FromSeconds(2), jobs.NextRoundPause(TimeSpan.FromSeconds(1)));

        await RunAsync(new WaitRound(jobs, session), jobs);

        Assert.All(jobs.Pending, job => Assert.Equal(0, job.ConsecutiveFailures));
        Assert.Equal(2, Reads().Count);
    }

    [Fact]
    public async Task ShowsEveryJobOfAClusterWhoseListIsRefusedFromThenOn()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var jobs = Watch(await AddJobsAsync(3, "slow-{n}", SeedData.FullClusterId), SeedData.FullClusterId);
        var session = await ConnectAsync();
        await ControlAsync("faults", Fault(400, "12000002", count: 2));   // the pager asks again with limit=10 once

        await RunAsync(new WaitRound(jobs, session), jobs);
        var next = new WaitRound(jobs, session);

        Assert.Equal(2, Lists(SeedData.FullClusterId).Count);
        Assert.Equal(3, Shows().Count);
        Assert.All(jobs.Pending, job => Assert.NotNull(job.Last));
        Assert.False(Assert.Single(next.Plans).Lists);
    }

    [Fact]
    public async Task ShowsTheJobsAfterAServiceErrorOfTheListAndListsAgainInTheNextRound()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var jobs = Watch(await AddJobsAsync(3, "slow-{n}", SeedData.FullClusterId), SeedData.FullClusterId);
        var session = await ConnectAsync();
        await ControlAsync("faults", Fault(500, "0173", count: 1));

        await RunAsync(new WaitRound(jobs, session), jobs);

        Assert.Equal(3, Shows().Count);
        Assert.True(Assert.Single(new WaitRound(jobs, session).Plans).Lists);
    }

    [Fact]
    public async Task StopsPagingAfterAsManyPagesAsJobsAndShowsTheJobsNotFoundThenShowsThemFromThenOn()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var old = await AddJobsAsync(3, "slow-old-{n}", SeedData.FullClusterId, submittedAt: DateTimeOffset.UtcNow.AddHours(-1));
        await AddJobsAsync(500, "slow-newer-{n}", SeedData.FullClusterId);
        var jobs = Watch(old, SeedData.FullClusterId);
        var session = await ConnectAsync();

        await RunAsync(new WaitRound(jobs, session), jobs);

        Assert.Equal(3, Lists(SeedData.FullClusterId).Count);
        Assert.Equal(3, Shows().Count);
        Assert.Equal(6, jobs.Listings.LastCost(SeedData.FullClusterId));
        Assert.False(Assert.Single(new WaitRound(jobs, session).Plans).Lists);
    }

    [Fact]
    public async Task BoundsTheFirstListByTheServiceClockNotOurs()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var jobs = Watch(await AddJobsAsync(3, "slow-{n}", SeedData.FullClusterId), SeedData.FullClusterId);
        var session = await ConnectAsync(options: new SessionOptions { Clock = new ShiftedClock(TimeSpan.FromHours(-1)) });
        await SubmitAsync(session, Job(jobName: "learns-the-service-clock"));

        await RunAsync(new WaitRound(jobs, session), jobs);

        var end = long.Parse(QueryValue(Assert.Single(Lists(SeedData.FullClusterId)).Query, "submitted_time_end")!, CultureInfo.InvariantCulture);
        var expected = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds();
        Assert.InRange(end, expected - 3000, expected + 1000);
        Assert.Null(QueryValue(Lists(SeedData.FullClusterId)[0].Query, "submitted_time_begin"));
    }

    [Fact]
    public async Task TakesAPacerTurnForEveryRequestTheOffsetZeroProbeIncluded()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var jobs = Watch(await AddJobsAsync(250, "slow-{n}", SeedData.FullClusterId), SeedData.FullClusterId);
        var session = await ConnectAsync();
        Fixture.State.Requests.Clear();

        await RunAsync(new WaitRound(jobs, session), jobs);

        Assert.Single(Probes());
        Assert.Equal(3, Lists(SeedData.FullClusterId).Count);
        Assert.Equal(Reads().Count + Probes().Count, session.ReadPacer.TurnsTaken);
    }

    [Fact]
    public async Task TakesAPacerTurnForAListPageAskedAgainWithTheDefaultSize()
    {
        await PlanAsync("slow-*", runningMs: 7_200_000);
        var jobs = Watch(await AddJobsAsync(3, "slow-{n}", SeedData.FullClusterId), SeedData.FullClusterId);
        var session = await ConnectAsync();
        await ControlAsync("faults", Fault(400, "12000002", count: 1));   // limit=100 refused; the pager asks again with limit=10
        Fixture.State.Requests.Clear();

        await RunAsync(new WaitRound(jobs, session), jobs);

        Assert.Equal(2, Lists(SeedData.FullClusterId).Count);
        Assert.Empty(Shows());
        Assert.Equal(Reads().Count + Probes().Count, session.ReadPacer.TurnsTaken);
    }

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
