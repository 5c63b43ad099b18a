using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET …/job-executions/{id}</c>: the JobQueryBean and who may see it.</summary>
public sealed class ShowJobTests : LifecycleTest
{
    public ShowJobTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task AJobIsShownWith202AndEveryDocumentedMember()
    {
        var id = await SubmitJobAsync("MapReduce", "wordcount");

        var reply = await GetAsync("/" + id);

        Assert.Equal(202, reply.Status);
        var detail = reply.Json.GetProperty("job_detail");
        Assert.Equal(
            new[] { "job_id", "user", "job_name", "job_result", "job_state", "job_progress", "job_type", "started_time", "submitted_time", "finished_time", "elapsed_time", "queue", "arguments", "launcher_id", "properties" },
            detail.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(id, detail.GetProperty("job_id").GetString());
        Assert.Equal(SeedData.UserName, detail.GetProperty("user").GetString());
        Assert.Equal("MapReduce", detail.GetProperty("job_type").GetString());
        Assert.Equal("default", detail.GetProperty("queue").GetString());
        Assert.Matches("^application_1700000000000_\\d{4}$", detail.GetProperty("launcher_id").GetString());
    }

    [Fact]
    public async Task ArgumentsAndPropertiesComeBackAsJavaText()
    {
        var id = await SubmitJobAsync(
            "SparkSubmit",
            "pi",
            new[] { "--class", "org.apache.spark.examples.SparkPi", "100" },
            new Dictionary<string, string> { ["k1"] = "v1", ["k2"] = "v2" });
        var bare = await SubmitJobAsync("MapReduce", "bare");

        var detail = await DetailAsync(id);
        var empty = await DetailAsync(bare);

        Assert.Equal("[--class, org.apache.spark.examples.SparkPi, 100]", detail.GetProperty("arguments").GetString());
        Assert.Equal("{k1=v1, k2=v2}", detail.GetProperty("properties").GetString());
        Assert.Equal("[]", empty.GetProperty("arguments").GetString());
        Assert.Equal("{}", empty.GetProperty("properties").GetString());
    }

    [Theory]
    [InlineData("mapreduce.job.queuename", "etl")]
    [InlineData("spark.yarn.queue", "adhoc")]
    public async Task TheQueueComesFromTheJobsQueueProperty(string key, string queue)
    {
        var id = await SubmitJobAsync(properties: new Dictionary<string, string> { [key] = queue });

        Assert.Equal(queue, (await DetailAsync(id)).GetProperty("queue").GetString());
    }

    [Fact]
    public async Task AppIdAppearsOnceRunningAndTrackingUrlOnlyForSparkSubmit()
    {
        var spark = await SubmitJobAsync("SparkSubmit", "pi");
        var mapReduce = await SubmitJobAsync("MapReduce", "wc");
        var before = await DetailAsync(spark);

        Clock.AdvanceMs(300);
        var sparkRunning = await DetailAsync(spark);
        var mapReduceRunning = await DetailAsync(mapReduce);

        Assert.False(before.TryGetProperty("app_id", out _));
        Assert.False(before.TryGetProperty("tracking_url", out _));
        var appId = sparkRunning.GetProperty("app_id").GetString()!;
        Assert.NotEqual(sparkRunning.GetProperty("launcher_id").GetString(), appId);
        Assert.EndsWith("/proxy/" + appId + "/", sparkRunning.GetProperty("tracking_url").GetString());
        Assert.True(mapReduceRunning.TryGetProperty("app_id", out _));
        Assert.False(mapReduceRunning.TryGetProperty("tracking_url", out _));
    }

    [Fact]
    public async Task AnUnknownJobGets500With0176()
    {
        var reply = await GetAsync("/00000000-0000-0000-0000-000000000000");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0176", reply.ErrorCode);
        Assert.Equal("The job does not exist.", reply.ErrorMsg);
    }

    [Fact]
    public async Task AJobOfAnotherClusterIsNotFoundOnThisOne()
    {
        var id = await SubmitJobAsync();

        var reply = await SendAsync(
            HttpMethod.Get,
            $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.HadoopOnlyClusterId}/job-executions/{id}",
            token: await TokenAsync());

        Assert.Equal("0176", reply.ErrorCode);
    }

    [Fact]
    public async Task AnUnknownClusterGets404With12000003()
    {
        var reply = await SendAsync(
            HttpMethod.Get,
            $"v2/{SeedData.CnNorth4ProjectId}/clusters/nope/job-executions/x",
            token: await TokenAsync());

        Assert.Equal(404, reply.Status);
        Assert.Equal("12000003", reply.ErrorCode);
    }

    [Fact]
    public async Task ShowingNeedsAToken()
    {
        var id = await SubmitJobAsync();

        var reply = await SendAsync(HttpMethod.Get, JobsPath + "/" + id);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
    }
}
