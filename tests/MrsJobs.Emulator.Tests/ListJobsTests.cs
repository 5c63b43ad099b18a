using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET …/job-executions</c>: filters, sorting and the reply shape.</summary>
public sealed class ListJobsTests : LifecycleTest
{
    public ListJobsTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task TheListAnswers202WithTotalRecordAndNewestFirst()
    {
        var first = await SubmitJobAsync(jobName: "a");
        Clock.AdvanceMs(1);
        var second = await SubmitJobAsync(jobName: "b");

        var reply = await ListAsync();

        Assert.Equal(202, reply.Status);
        Assert.Equal(2, reply.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(new[] { second, first }, IdsOf(reply));
        Assert.Equal("NEW", reply.Json.GetProperty("job_list")[0].GetProperty("job_state").GetString());
    }

    [Fact]
    public async Task SortByAscListsOldestFirst()
    {
        var ids = await AddJobsAsync("{\"count\":3}");

        Assert.Equal(ids, IdsOf(await ListAsync("sort_by=asc")));
    }

    [Theory]
    [InlineData("sort_by=up")]
    [InlineData("sort_by=DESC")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("job_state=DONE")]
    [InlineData("job_result=OK")]
    [InlineData("job_type=Spark")]
    [InlineData("job_name=bad%20name")]
    [InlineData("submitted_time_begin=yesterday")]
    [InlineData("submitted_time_end=-1")]
    public async Task AnInvalidParameterGets400With12000002NamingIt(string query)
    {
        var reply = await ListAsync(query);

        reply.AssertInvalidParameter(query.Split('=')[0]);
    }

    [Fact]
    public async Task SparkPythonIsNotAValidTypeFilter()
    {
        var reply = await ListAsync("job_type=SparkPython");

        reply.AssertInvalidParameter("job_type");
        Assert.Contains("SparkSubmit", reply.ErrorMsg);
    }

    [Fact]
    public async Task SparkPythonJobsAreFoundAsSparkSubmit()
    {
        var id = await SubmitJobAsync("SparkPython", "py");
        await SubmitJobAsync("MapReduce", "mr");

        Assert.Equal(new[] { id }, IdsOf(await ListAsync("job_type=SparkSubmit")));
    }

    [Fact]
    public async Task StateAndResultFiltersIgnoreCase()
    {
        await AddPlanAsync("{\"job_name\":\"bad\",\"result\":\"FAILED\"}");
        var good = await SubmitJobAsync(jobName: "good");
        var bad = await SubmitJobAsync(jobName: "bad");
        Clock.AdvanceMs(1800);
        var running = await SubmitJobAsync(jobName: "later");
        Clock.AdvanceMs(400);

        Assert.Equal(new[] { bad, good }, IdsOf(await ListAsync("job_state=finished")));
        Assert.Equal(new[] { good }, IdsOf(await ListAsync("job_result=Succeeded")));
        Assert.Equal(new[] { bad }, IdsOf(await ListAsync("job_state=FINISHED&job_result=failed")));
        Assert.Equal(new[] { running }, IdsOf(await ListAsync("job_state=Running&job_result=undefined")));
    }

    [Fact]
    public async Task JobNameMatchesBySubstringCaseSensitively()
    {
        var nightly = await SubmitJobAsync(jobName: "etl-nightly");
        await SubmitJobAsync(jobName: "ETL-weekly");
        var other = await SubmitJobAsync(jobName: "nightly-report");

        Assert.Equal(new[] { other, nightly }, IdsOf(await ListAsync("job_name=nightly")));
        Assert.Empty(IdsOf(await ListAsync("job_name=NIGHTLY")));
    }

    [Fact]
    public async Task JobIdUserAndQueueFilterExactly()
    {
        var etl = await SubmitJobAsync(properties: new Dictionary<string, string> { ["mapreduce.job.queuename"] = "etl" });
        var plain = await SubmitJobAsync();

        Assert.Equal(new[] { plain }, IdsOf(await ListAsync("job_id=" + plain)));
        Assert.Equal(new[] { etl }, IdsOf(await ListAsync("queue=etl")));
        Assert.Equal(2, IdsOf(await ListAsync("user=" + SeedData.UserName)).Length);
        Assert.Empty(IdsOf(await ListAsync("user=demo")));
    }

    [Fact]
    public async Task SubmittedTimeBoundsAreInclusiveEpochMilliseconds()
    {
        var ids = await AddJobsAsync("{\"count\":5,\"submitted_time\":1700000004000,\"interval_ms\":1000}");

        var reply = await ListAsync("submitted_time_begin=1700000001000&submitted_time_end=1700000003000&sort_by=asc");

        Assert.Equal(ids[1..4], IdsOf(reply));
    }

    [Fact]
    public async Task EmptyParametersCountAsAbsent()
    {
        await SubmitJobAsync();

        var reply = await ListAsync("job_name=&job_id=&user=&job_type=&job_state=&job_result=&queue=&limit=&offset=&sort_by=&submitted_time_begin=&submitted_time_end=");

        Assert.Equal(202, reply.Status);
        Assert.Equal(1, reply.Json.GetProperty("total_record").GetInt32());
    }

    [Fact]
    public async Task OnlyTheClustersOwnJobsAreListed()
    {
        await SubmitJobAsync();

        var reply = await SendAsync(
            HttpMethod.Get,
            $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.HadoopOnlyClusterId}/job-executions",
            token: await TokenAsync());

        Assert.Equal(202, reply.Status);
        Assert.Equal(0, reply.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(0, reply.Json.GetProperty("job_list").GetArrayLength());
    }

    [Fact]
    public async Task ListedJobsCarryJavaTextArguments()
    {
        await SubmitJobAsync(arguments: new[] { "in", "out" });

        var job = (await ListAsync()).Json.GetProperty("job_list")[0];

        Assert.Equal("[in, out]", job.GetProperty("arguments").GetString());
        Assert.Equal("{}", job.GetProperty("properties").GetString());
    }
}
