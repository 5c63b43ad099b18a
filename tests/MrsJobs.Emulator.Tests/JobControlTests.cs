using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The control API of the job lifecycle: job plans, bulk jobs, the jobs view, and recording.</summary>
public sealed class JobControlTests : LifecycleTest
{
    public JobControlTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task APlanIsEchoedWithItsDefaultsListedInOrderAndDeleted()
    {
        var added = await AddPlanAsync("{\"job_name\":\"fail-*\",\"accepted_ms\":100,\"running_ms\":500,\"result\":\"FAILED\",\"sql_results\":{\"0\":[]}}");
        await AddPlanAsync("{\"job_name\":\"b\"}");

        var listed = await SendAsync(HttpMethod.Get, "_emulator/job-plans");
        var deleted = await SendAsync(HttpMethod.Delete, "_emulator/job-plans");

        Assert.Equal(201, added.Status);
        Assert.Equal(100, added.Json.GetProperty("new_ms").GetDouble());
        Assert.Equal("FINISHED", added.Json.GetProperty("final_state").GetString());
        Assert.Equal(0, added.Json.GetProperty("sql_results").GetProperty("0").GetArrayLength());
        Assert.Equal(new[] { "fail-*", "b" }, listed.Json.EnumerateArray().Select(p => p.GetProperty("job_name").GetString()).ToArray());
        Assert.Equal(204, deleted.Status);
        Assert.Empty(State.JobPlans.GetAll());
    }

    [Theory]
    [InlineData("{\"running_ms\":5}")]
    [InlineData("{\"job_name\":\"x\",\"running_ms\":-1}")]
    [InlineData("{\"job_name\":\"x\",\"result\":\"KILLED\"}")]
    [InlineData("{\"job_name\":\"x\",\"result\":\"SUCCEEDED\",\"final_state\":\"FAILED\"}")]
    [InlineData("{\"job_name\":\"x\",\"sql_results\":[1]}")]
    public async Task AnInvalidPlanIsRefused(string body)
    {
        var reply = await AddPlanAsync(body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("EMULATOR.0400", reply.ErrorCode);
    }

    [Fact]
    public async Task ResetForgetsPlans()
    {
        await AddPlanAsync("{\"job_name\":\"x\"}");

        await SendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Empty(State.JobPlans.GetAll());
    }

    [Fact]
    public async Task TheJobsViewShowsStateAndResultNow()
    {
        var id = await SubmitJobAsync();
        Clock.AdvanceMs(600);

        var job = Assert.Single((await SendAsync(HttpMethod.Get, "_emulator/jobs")).Json.EnumerateArray());

        Assert.Equal(id, job.GetProperty("job_id").GetString());
        Assert.Equal("RUNNING", job.GetProperty("job_state").GetString());
        Assert.Equal("UNDEFINED", job.GetProperty("job_result").GetString());
    }

    [Fact]
    public async Task BulkJobsAreNumberedSpacedAndFollowPlans()
    {
        await AddPlanAsync("{\"job_name\":\"bulk-2\",\"result\":\"FAILED\",\"final_state\":\"FAILED\"}");

        var ids = await AddJobsAsync($"{{\"count\":3,\"job_name\":\"bulk-{{n}}\",\"job_type\":\"SparkPython\",\"cluster_id\":\"{SeedData.NoHiveNoFlinkClusterId}\",\"submitted_time\":1700000000000,\"interval_ms\":60000}}");

        var jobs = ids.Select(id => State.Jobs.Find(id)!).ToArray();
        Assert.Equal(new[] { "bulk-1", "bulk-2", "bulk-3" }, jobs.Select(j => j.JobName).ToArray());
        Assert.Equal(new[] { 1699999880000L, 1699999940000L, 1700000000000L }, jobs.Select(j => j.SubmittedAt.ToUnixTimeMilliseconds()).ToArray());
        Assert.All(jobs, j => Assert.Equal("SparkSubmit", j.JobType));
        Assert.All(jobs, j => Assert.Equal(SeedData.CnNorth4ProjectId, j.ProjectId));
        Assert.Equal(JobOutcome.Failed, jobs[1].Plan.Outcome);
    }

    [Fact]
    public async Task AJobCanBeStoredUnderAGivenIdAndShownByIt()
    {
        var ids = await AddJobsAsync("{\"job_id\":\"3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4\",\"job_name\":\"wordcount-daily\"}");

        var shown = await GetAsync("/3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4");

        Assert.Equal(new[] { "3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4" }, ids);
        Assert.Equal(202, shown.Status);
        Assert.Equal("wordcount-daily", shown.Json.GetProperty("job_detail").GetProperty("job_name").GetString());
    }

    [Fact]
    public async Task AGivenIdThatIsStoredAlreadyIsRefused()
    {
        await AddJobsAsync("{\"job_id\":\"job-1\"}");

        var again = await SendAsync(HttpMethod.Post, "_emulator/jobs", "{\"job_id\":\"job-1\"}");

        Assert.Equal(400, again.Status);
        Assert.Single(State.Jobs.GetAll());
    }

    [Theory]
    [InlineData("{\"count\":0}")]
    [InlineData("{\"count\":10001}")]
    [InlineData("{\"job_type\":\"Pig\"}")]
    [InlineData("{\"cluster_id\":\"nope\"}")]
    [InlineData("{\"job_name\":\"bad name\"}")]
    [InlineData("{\"job_id\":\"a/b\"}")]
    [InlineData("{\"job_id\":\"x\",\"count\":2}")]
    public async Task AnInvalidBulkRequestIsRefused(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/jobs", body);

        Assert.Equal(400, reply.Status);
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task LifecycleRequestsAreRecordedLikeSubmissions()
    {
        var id = await SubmitJobAsync();
        await ListAsync("limit=5");
        await GetAsync("/" + id);
        await PostAsync($"/{id}/kill");
        await GetAsync($"/{id}/sql-result");
        await PostAsync("/batch-delete", $"{{\"job_id_list\":[\"{id}\"]}}");

        var recorded = State.Requests.GetAll().Skip(2).ToArray();

        Assert.Equal(
            new[] { "GET /job-executions 202", $"GET /job-executions/{id} 202", $"POST /job-executions/{id}/kill 202", $"GET /job-executions/{id}/sql-result 500", "POST /job-executions/batch-delete 200" },
            recorded.Select(r => $"{r.Method} {r.Path[r.Path.IndexOf("/job-executions", System.StringComparison.Ordinal)..]} {r.Status}").ToArray());
        Assert.Equal("limit=5", recorded[0].Query);
        Assert.Equal($"{{\"job_id_list\":[\"{id}\"]}}", recorded[4].Body);
    }
}
