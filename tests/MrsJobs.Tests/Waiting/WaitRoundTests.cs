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
public partial class WaitRoundTests : EmulatorTest
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
}
