using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary>
/// <see cref="JobListPager"/> against the emulator in each meaning of <c>offset</c>: every job once, newest first,
/// at most one probe per session, and no job lost while the list shifts under the pager.
/// </summary>
public class JobListPagerTests : EmulatorTest
{
    private const string Cluster = SeedData.FullClusterId;

    public JobListPagerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData(ListOffsetMode.PagesFromOne, "1,0,2,3", "1,2,3")]
    [InlineData(ListOffsetMode.PagesFromZero, "1,0,1,2", "0,1,2")]
    [InlineData(ListOffsetMode.RecordsFromZero, "1,0,100,199", "0,99,198")]
    [InlineData(ListOffsetMode.RecordsFromOne, "1,0,2,101,200", "1,100,199")]
    public async Task ListsEveryJobOnceNewestFirstProbingOffsetZeroOnlyInTheFirstListOfASession(ListOffsetMode mode, string firstOffsets, string secondOffsets)
    {
        Fixture.State.Settings.ListOffsetMode = mode;
        var ids = await AddJobsAsync(250);
        var session = await ConnectAsync();

        var (first, firstPager) = await ListAsync(session);
        var firstSent = ListOffsets();
        var (second, secondPager) = await ListAsync(session);

        Assert.Equal(ids.Reverse(), first.Select(j => j.JobId));
        Assert.Equal(ids.Reverse(), second.Select(j => j.JobId));
        Assert.Equal(firstOffsets, firstSent);
        Assert.Equal(secondOffsets, ListOffsets());
        Assert.True(firstPager.IsProvenComplete && secondPager.IsProvenComplete);
        Assert.Equal(mode is ListOffsetMode.RecordsFromZero or ListOffsetMode.RecordsFromOne, secondPager.OffsetCountsRecords);
    }

    [Fact]
    public async Task AListThatFitsItsFirstPageNeedsNoProbeAndTeachesTheSessionThatOffsetsStartAtOne()
    {
        await AddJobsAsync(60);
        var session = await ConnectAsync();

        var (small, pager) = await ListAsync(session);
        var smallSent = ListOffsets();
        await AddJobsAsync(190);
        var (large, _) = await ListAsync(session);

        Assert.Equal(60, small.Count);
        Assert.Equal("1", smallSent);
        Assert.Equal("pages or jobs, from 1", pager.OffsetMeaning);
        Assert.Equal(250, large.Select(j => j.JobId).Distinct().Count());
        Assert.Equal("1,2,3", ListOffsets());
    }

    [Fact]
    public async Task WhatASessionLearnedStaysWithThatSession()
    {
        Fixture.State.Settings.ListOffsetMode = ListOffsetMode.PagesFromZero;
        await AddJobsAsync(150);
        await ListAsync(await ConnectAsync());

        await ListAsync(await ConnectAsync());

        Assert.Equal("1,0,1", ListOffsets());
    }

    [Theory]
    [InlineData(ListOffsetMode.PagesFromOne)]
    [InlineData(ListOffsetMode.PagesFromZero)]
    [InlineData(ListOffsetMode.RecordsFromZero)]
    [InlineData(ListOffsetMode.RecordsFromOne)]
    public async Task LosesNoJobWhenTheNewestAreDeletedAndOthersSubmittedBetweenPages(ListOffsetMode mode)
    {
        Fixture.State.Settings.ListOffsetMode = mode;
        var ids = await AddJobsAsync(250);
        var session = await ConnectAsync();
        await ListAsync(session);
        await ControlAsync("list-changes", new { after_lists = 1, delete_newest = 5, add = new { count = 3, job_name = "late-{n}" } });
        await ControlAsync("list-changes", new { after_lists = 2, delete_newest = 12 });

        var (jobs, pager) = await ListAsync(session);

        var listed = jobs.Select(j => j.JobId).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Empty(ids.Take(250 - 5 - 12).Except(listed));
        Assert.True(pager.IsProvenComplete);
    }

    [Fact]
    public async Task WarnsWhenTheListKeepsChangingPastTheRequestBudget()
    {
        await AddJobsAsync(250);
        var session = await ConnectAsync();
        await ListAsync(session);
        for (var n = 1; n <= 40; n++)
        {
            await ControlAsync("list-changes", new { after_lists = n, delete_newest = 1 });
        }

        var warnings = new List<string>();
        var (_, pager) = await ListAsync(session, new CallContext(null, CancellationToken.None, warn: warnings.Add));

        Assert.False(pager.IsProvenComplete);
        Assert.Contains("may be incomplete", Assert.Single(warnings));
    }

    [Fact]
    public async Task ReadsAStateFilteredListLongerThanAPageAgainWithTheStateCheckedLocallyOnly()
    {
        await PlanDoneAndLongJobsAsync();
        var done = await AddJobsAsync(150, "done-{n}");
        await AddJobsAsync(30, "long-{n}");
        var session = await ConnectAsync();
        await ListAsync(session);

        var (jobs, pager) = await ListAsync(session, query: new JobListQuery { ClusterId = Cluster, State = "finished" });

        var sent = ListRequests().Select(r => r.Query).ToList();
        Assert.Equal(done.Reverse(), jobs.Select(j => j.JobId));
        Assert.Contains("job_state=FINISHED", sent[0]);
        Assert.All(sent.Skip(1), q => Assert.DoesNotContain("job_state", q));
        Assert.True(pager.IsProvenComplete);
    }

    [Fact]
    public async Task KeepsTheStateFilterOnTheServiceWhenTheListFitsOnePage()
    {
        await PlanDoneAndLongJobsAsync();
        await AddJobsAsync(20, "done-{n}");
        await AddJobsAsync(130, "long-{n}");
        var session = await ConnectAsync();

        var (jobs, _) = await ListAsync(session, query: new JobListQuery { ClusterId = Cluster, State = "FINISHED" });

        Assert.Equal(20, jobs.Count);
        Assert.Contains("job_state=FINISHED", Assert.Single(ListRequests()).Query);
    }

    [Fact]
    public async Task FallsBackToTheDocumentedPageSizeWhenTheServiceRefusesALargerOne()
    {
        await AddJobsAsync(25);
        var session = await ConnectAsync();

        var (jobs, pager) = await ListAsync(session, query: new JobListQuery { ClusterId = Cluster, PageSize = 500 });

        Assert.Equal(25, jobs.Count);
        var limits = ListRequests().Select(r => r.Query).ToList();
        Assert.Equal(limits.Count, pager.PagesRead);
        Assert.Contains("limit=500", limits[0]);
        Assert.All(limits.Skip(1), q => Assert.Contains("limit=10&", q));
    }

    [Fact]
    public async Task AwaitsTheCallersHookBeforeEachRequestOfAStepAfterItsFirstTheProbeAndTheSmallerPageSize()
    {
        await AddJobsAsync(250);
        var session = await ConnectAsync();
        var requestsAtEachHook = new List<int>();
        var steps = 0;
        Fixture.State.Requests.Clear();
        var pager = new JobListPager(new JobListQuery { ClusterId = Cluster, PageSize = 500 }, _ =>
        {
            requestsAtEachHook.Add(ListRequests().Count);
            return Task.CompletedTask;
        });

        while (!pager.IsDone)
        {
            steps++;
            await pager.NextAsync(session.Jobs, CallContext.None);
        }

        // Step 1: limit=500 (refused), the hook, limit=10 offset=1, the hook, offset=0 (refused); then one request a step.
        Assert.Equal(new[] { 1, 2 }, requestsAtEachHook);
        Assert.Equal(ListRequests().Count, steps + requestsAtEachHook.Count);
        Assert.Equal(ListRequests().Count, pager.PagesRead);
    }

    // done-* jobs are FINISHED at once; long-* jobs run for ten minutes.
    private async Task PlanDoneAndLongJobsAsync()
    {
        await ControlAsync("job-plans", new { job_name = "done-*", new_ms = 0, accepted_ms = 0, running_ms = 0 });
        await ControlAsync("job-plans", new { job_name = "long-*", new_ms = 0, accepted_ms = 0, running_ms = 600_000 });
    }

    private async Task<string[]> AddJobsAsync(int count, string name = "paged-{n}")
    {
        var added = await ControlAsync("jobs", new { count, job_name = name, cluster_id = Cluster });
        return added.GetProperty("job_ids").EnumerateArray().Select(id => id.GetString()!).ToArray();
    }

    private async Task<(List<JobExecution> Jobs, JobListPager Pager)> ListAsync(MrsSession session, CallContext? context = null, JobListQuery? query = null)
    {
        Fixture.State.Requests.Clear();
        var pager = new JobListPager(query ?? new JobListQuery { ClusterId = Cluster });
        var jobs = new List<JobExecution>();
        while (!pager.IsDone)
        {
            jobs.AddRange(await pager.NextAsync(session.Jobs, context ?? CallContext.None));
        }

        return (jobs, pager);
    }

    private IReadOnlyList<RecordedRequest> ListRequests() =>
        Fixture.State.Requests.GetAll().Where(r => r.Method == "GET" && r.Path.EndsWith("/job-executions", StringComparison.Ordinal)).ToList();

    private string ListOffsets() => string.Join(",", ListRequests().Select(r =>
        r.Query.Split('&').Single(p => p.StartsWith("offset=", StringComparison.Ordinal)).Substring("offset=".Length)));
}
