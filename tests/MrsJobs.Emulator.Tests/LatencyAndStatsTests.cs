using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The <c>latency_ms</c> setting, requests in flight and their peak, and <c>/_emulator/stats</c>.</summary>
public sealed class LatencyAndStatsTests : EmulatorTest
{
    public LatencyAndStatsTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private string JobsPath => $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions";

    [Fact]
    public async Task EveryMrsRequestWaitsTheLatency()
    {
        var token = await LoginAsync();
        await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"latency_ms\":300}");

        var watch = Stopwatch.StartNew();
        var reply = await SendAsync(HttpMethod.Get, JobsPath, token: token);

        Assert.Equal(202, reply.Status);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task IamAndTheControlApiDoNotWait()
    {
        await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"latency_ms\":60000}");

        var watch = Stopwatch.StartNew();
        await LoginAsync();
        var stats = await SendAsync(HttpMethod.Get, "_emulator/stats");

        Assert.Equal(200, stats.Status);
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task EightParallelRequestsWithLatencyAreAllInFlightAtOnce()
    {
        var token = await LoginAsync();
        await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"latency_ms\":500}");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(HttpMethod.Get, JobsPath, token: token)));
        var stats = await SendAsync(HttpMethod.Get, "_emulator/stats");

        Assert.All(replies, r => Assert.Equal(202, r.Status));
        Assert.True(stats.Json.GetProperty("peak_in_flight").GetInt64() >= 8, stats.Text);
        Assert.Equal(0, stats.Json.GetProperty("in_flight").GetInt64());
    }

    [Fact]
    public async Task SixtyFourConcurrentSubmissionsWithLatencyAreHandledTogetherWithoutStarvation()
    {
        var token = await LoginAsync();
        State.Settings.LatencyMs = 1500;

        var watch = Stopwatch.StartNew();
        var replies = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => SubmitAsync(JobBody(jobName: $"c{i}"), token: token)));

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        Assert.True(watch.ElapsedMilliseconds < 1500 * 3, $"64 requests took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(64, State.Stats.PeakInFlight);
        Assert.Equal(64, State.Jobs.Count);
    }

    [Fact]
    public async Task AClientThatGivesUpDuringTheWaitLeavesNothingInFlight()
    {
        var token = await LoginAsync();
        State.Settings.LatencyMs = 60_000;
        using var request = new HttpRequestMessage(HttpMethod.Get, JobsPath);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fixture.Http.SendAsync(request, cancel.Token));
        for (var i = 0; i < 100 && State.Stats.InFlight > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, State.Stats.InFlight);
        Assert.Equal(1, State.Stats.PeakInFlight);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60001)]
    public async Task ALatencyOutsideZeroToSixtyThousandIsRefused(int latency)
    {
        var reply = await SendAsync(HttpMethod.Put, "_emulator/settings", $"{{\"latency_ms\":{latency}}}");

        Assert.Equal(400, reply.Status);
        Assert.Contains("latency_ms", reply.ErrorMsg);
        Assert.Equal(0, State.Settings.LatencyMs);
    }

    [Fact]
    public async Task TheLatencyIsShownInTheSettingsAndResetToZero()
    {
        var put = await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"latency_ms\":1500}");
        var shown = await SendAsync(HttpMethod.Get, "_emulator/settings");
        await SendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal(1500, put.Json.GetProperty("latency_ms").GetInt32());
        Assert.Equal(1500, shown.Json.GetProperty("latency_ms").GetInt32());
        Assert.Equal(0, State.Settings.LatencyMs);
    }

    [Fact]
    public async Task StatsCountJobsDuplicatesSubmissionsAndFaults()
    {
        var token = await LoginAsync();
        await SubmitAsync(JobBody(jobName: "dup"), token: token);
        await SubmitAsync(JobBody(jobName: "dup"), token: token);
        await SubmitAsync(JobBody(jobName: "one"), token: token);
        await SubmitAsync(JobBody(jobName: "one"), token: "MIIforged");
        await SendAsync(HttpMethod.Post, "_emulator/faults", "{\"kind\":\"throttle_429\"}");
        await SendAsync(HttpMethod.Post, "_emulator/faults", "{\"status\":500,\"error_code\":\"0202\"}");
        await SubmitAsync(JobBody(), token: token);
        await SubmitAsync(JobBody(), token: token);

        var stats = (await SendAsync(HttpMethod.Get, "_emulator/stats")).Json;
        var dup = await SendAsync(HttpMethod.Get, "_emulator/job-counts?name=dup");
        var none = await SendAsync(HttpMethod.Get, "_emulator/job-counts?name=du");

        Assert.Equal(3, stats.GetProperty("jobs_total").GetInt32());
        Assert.Equal("{\"dup\":2}", stats.GetProperty("jobs_by_name_over_one").GetRawText());
        Assert.Equal(6, stats.GetProperty("submissions_received").GetInt64());
        Assert.Equal("{\"code_0202\":1,\"throttle_429\":1}", stats.GetProperty("faults_fired").GetRawText());
        Assert.Equal(("dup", 2), (dup.Json.GetProperty("name").GetString(), dup.Json.GetProperty("count").GetInt32()));
        Assert.Equal(0, none.Json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ResettingTheStatsKeepsTheJobs()
    {
        var token = await LoginAsync();
        State.Settings.LatencyMs = 200;
        await Task.WhenAll(SubmitAsync(JobBody(), token: token), SubmitAsync(JobBody(), token: token));
        State.Faults.Enqueue(new FaultRule(null, 1, 500, "0173", "x", FaultShape.JobSubmitResult, null));
        await SubmitAsync(JobBody(), token: token);

        var reset = await SendAsync(HttpMethod.Post, "_emulator/stats/reset");
        var stats = (await SendAsync(HttpMethod.Get, "_emulator/stats")).Json;

        Assert.Equal(204, reset.Status);
        Assert.Equal(2, stats.GetProperty("jobs_total").GetInt32());
        Assert.Equal("{\"wordcount\":2}", stats.GetProperty("jobs_by_name_over_one").GetRawText());
        Assert.Equal(0, stats.GetProperty("peak_in_flight").GetInt64());
        Assert.Equal(0, stats.GetProperty("submissions_received").GetInt64());
        Assert.Equal("{}", stats.GetProperty("faults_fired").GetRawText());
    }

    [Fact]
    public async Task ResetClearsTheCountersAndAJobCountNeedsAName()
    {
        await SubmitAsync(JobBody());

        await SendAsync(HttpMethod.Post, "_emulator/reset");
        var missing = await SendAsync(HttpMethod.Get, "_emulator/job-counts");

        Assert.Equal((0, 0L, 0L), (State.Jobs.Count, State.Stats.SubmissionsReceived, State.Stats.PeakInFlight));
        Assert.Equal(400, missing.Status);
    }
}
