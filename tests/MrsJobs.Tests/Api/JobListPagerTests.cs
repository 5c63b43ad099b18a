using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Core.Api;
using MrsJobs.Core.Models;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary>docs/mrs-api.md, list query details: "page until a page returns fewer than limit items and de-duplicate by job_id".</summary>
public class JobListPagerTests : EmulatorTest
{
    public JobListPagerTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("page", false, 4)]
    [InlineData("record", true, 5)]
    public async Task ReadsEveryJobOnceInEitherOffsetMeaning(string mode, bool countsRecords, int requests)
    {
        Fixture.State.Settings.ListOffsetMode = mode == "page" ? ListOffsetMode.Page : ListOffsetMode.Record;
        var session = await ConnectAsync();
        await SubmitManyAsync(session, 330);

        var (jobs, pager) = await ReadAllAsync(session, new JobListQuery { ClusterId = SeedData.FullClusterId });

        Assert.Equal(330, jobs.Count);
        Assert.Equal(330, jobs.Select(j => j.JobId).Distinct().Count());
        Assert.Equal(countsRecords, pager.OffsetCountsRecords);
        Assert.Equal(requests, pager.PagesRead);
    }

    [Fact]
    public async Task SkipsAJobSeenTwiceWhenANewSubmissionShiftsTheNewestFirstList()
    {
        var session = await ConnectAsync();
        await SubmitManyAsync(session, 150);
        var pager = new JobListPager(new JobListQuery { ClusterId = SeedData.FullClusterId });
        var client = session.Jobs;

        var first = await pager.NextAsync(client, CallContext.None);
        await SubmitAsync(session, Job(jobName: "arrived-while-paging"));
        var second = await pager.NextAsync(client, CallContext.None);

        Assert.Equal(100, first.Count);
        Assert.Equal(50, second.Count);
        Assert.Empty(first.Select(j => j.JobId).Intersect(second.Select(j => j.JobId)));
        Assert.False(pager.OffsetCountsRecords);
    }

    [Fact]
    public async Task FallsBackToTheDocumentedPageSizeWhenTheServiceRefusesALargerOne()
    {
        var session = await ConnectAsync();
        await SubmitManyAsync(session, 25);

        var (jobs, pager) = await ReadAllAsync(session, new JobListQuery { ClusterId = SeedData.FullClusterId, PageSize = 500 });

        Assert.Equal(25, jobs.Count);
        Assert.Equal(3, pager.PagesRead);
        var limits = Fixture.State.Requests.GetAll().Where(r => r.Method == "GET").Select(r => r.Query).ToList();
        Assert.Contains("limit=500", limits[0]);
        Assert.All(limits.Skip(1), q => Assert.Contains("limit=10&", q));
    }

    private static async Task SubmitManyAsync(Core.Sessions.MrsSession session, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await SubmitAsync(session, Job(jobName: $"paged-{i}"));
        }
    }

    private static async Task<(List<JobExecution> Jobs, JobListPager Pager)> ReadAllAsync(Core.Sessions.MrsSession session, JobListQuery query)
    {
        var pager = new JobListPager(query);
        var client = session.Jobs;
        var jobs = new List<JobExecution>();
        while (!pager.IsDone)
        {
            jobs.AddRange(await pager.NextAsync(client, CallContext.None));
        }

        return (jobs, pager);
    }
}
