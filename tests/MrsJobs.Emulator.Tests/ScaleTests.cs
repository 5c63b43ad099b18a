using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>What keeps a 100,000-submission benchmark cheap: the capped request log and the indexed job store.</summary>
public sealed class ScaleTests : EmulatorTest
{
    private const int BenchmarkJobs = 100_000;

    public ScaleTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void TheRequestLogKeepsOnlyTheLastTwentyThousandRequests()
    {
        var headers = new Dictionary<string, string>();
        for (var i = 0; i < RequestLog.Capacity + 5; i++)
        {
            State.Requests.Add(new RecordedRequest("POST", $"/v2/p/{i}", string.Empty, headers, string.Empty, DateTimeOffset.UnixEpoch));
        }

        var kept = State.Requests.GetAll();

        Assert.Equal(RequestLog.Capacity, kept.Count);
        Assert.Equal("/v2/p/5", kept[0].Path);
        Assert.Equal(5, State.Requests.Dropped);
    }

    [Fact]
    public async Task ListingByNameShowingAndCountingStayFastWithOneHundredThousandJobs()
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < BenchmarkJobs; i++)
        {
            State.Admit(new StoredJob(
                Guid.NewGuid().ToString(), SeedData.CnNorth4ProjectId, SeedData.FullClusterId, "MapReduce", $"row-{i}",
                Array.Empty<string>(), new Dictionary<string, string>(), SeedData.UserName, now));
        }

        State.Admit(State.Jobs.GetAll()[BenchmarkJobs / 2] with { JobId = Guid.NewGuid().ToString() });
        var token = await LoginAsync();
        var path = $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions";
        var someId = State.Jobs.GetAll()[BenchmarkJobs - 1].JobId;
        await SendAsync(HttpMethod.Get, $"{path}?job_name=row-50000", token: token);

        var watch = Stopwatch.StartNew();
        var list = await SendAsync(HttpMethod.Get, $"{path}?job_name=row-50000", token: token);
        var show = await SendAsync(HttpMethod.Get, $"{path}/{someId}", token: token);
        var count = await SendAsync(HttpMethod.Get, "_emulator/job-counts?name=row-50000");
        var stats = await SendAsync(HttpMethod.Get, "_emulator/stats");
        watch.Stop();

        Assert.Equal(2, list.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(202, show.Status);
        Assert.Equal(2, count.Json.GetProperty("count").GetInt32());
        Assert.Equal(BenchmarkJobs + 1, stats.Json.GetProperty("jobs_total").GetInt32());
        Assert.Equal("{\"row-50000\":2}", stats.Json.GetProperty("jobs_by_name_over_one").GetRawText());
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task TheIndexesFollowBatchDelete()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => State.Admit(new StoredJob(
            Guid.NewGuid().ToString(), SeedData.CnNorth4ProjectId, SeedData.FullClusterId, "MapReduce", "same",
            Array.Empty<string>(), new Dictionary<string, string>(), SeedData.UserName, DateTimeOffset.UtcNow.AddHours(-1))).JobId).ToArray();
        var token = await LoginAsync();
        var path = $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions";

        var deleted = await SendAsync(HttpMethod.Post, $"{path}/batch-delete", $"{{\"job_id_list\":[\"{ids[0]}\"]}}", token: token);

        Assert.Equal(200, deleted.Status);
        Assert.Null(State.Jobs.Find(ids[0]));
        Assert.Equal(ids[2], State.Jobs.Find(ids[2])!.JobId);
        Assert.Equal(ids[1..], State.Jobs.GetOnCluster(SeedData.FullClusterId).Select(j => j.JobId).ToArray());
        Assert.Equal(2, State.Jobs.CountNamed("same"));
        Assert.Empty(State.Jobs.GetOnCluster(SeedData.HadoopOnlyClusterId));
    }
}
