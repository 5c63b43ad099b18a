using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET …/job-executions/{id}/sql-result</c>.</summary>
public sealed class SqlResultTests : LifecycleTest
{
    public SqlResultTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ASucceededSqlJobAnswers202WithThePlansRows()
    {
        await AddPlanAsync("{\"job_name\":\"report-*\",\"sql_results\":{\"0\":[{\"result\":\"succeed\"}],\"1\":[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":\"b\"}]}}");
        var id = await SubmitJobAsync("SparkSql", "report-daily", new[] { "SELECT 1" });
        Clock.AdvanceMs(1800);

        var reply = await GetAsync($"/{id}/sql-result");

        Assert.Equal(202, reply.Status);
        var results = reply.Json.GetProperty("sql_results");
        Assert.Equal("succeed", results.GetProperty("0")[0].GetProperty("result").GetString());
        Assert.Equal("b", results.GetProperty("1")[1].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("SparkSql")]
    [InlineData("SparkScript")]
    public async Task WithoutAPlanTheRowsAreTheDefaultOnes(string jobType)
    {
        var id = await SubmitJobAsync(jobType, "q");
        Clock.AdvanceMs(1800);

        var reply = await GetAsync($"/{id}/sql-result");

        Assert.Equal("{\"sql_results\":{\"0\":[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":\"b\"}]}}", reply.Text);
    }

    [Theory]
    [InlineData("MapReduce")]
    [InlineData("HiveSql")]
    [InlineData("SparkPython")]
    public async Task OtherJobTypesGet0179(string jobType)
    {
        var id = await SubmitJobAsync(jobType, "x");
        Clock.AdvanceMs(1800);

        var reply = await GetAsync($"/{id}/sql-result");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0179", reply.ErrorCode);
        Assert.Equal("The job type must be SparkSql or SparkScript.", reply.ErrorMsg);
    }

    [Fact]
    public async Task AJobThatHasNotEndedGets0183()
    {
        var id = await SubmitJobAsync("SparkSql", "q");
        Clock.AdvanceMs(600);

        var reply = await GetAsync($"/{id}/sql-result");

        Assert.Equal("0183", reply.ErrorCode);
        Assert.Equal("The job is running.", reply.ErrorMsg);
    }

    [Fact]
    public async Task AFailedOrKilledJobGets0181()
    {
        await AddPlanAsync("{\"job_name\":\"broken\",\"result\":\"FAILED\"}");
        var failed = await SubmitJobAsync("SparkSql", "broken");
        var killed = await SubmitJobAsync("SparkSql", "stopped");
        await PostAsync($"/{killed}/kill");
        Clock.AdvanceMs(1800);

        Assert.Equal("0181", (await GetAsync($"/{failed}/sql-result")).ErrorCode);
        Assert.Equal("0181", (await GetAsync($"/{killed}/sql-result")).ErrorCode);
    }

    [Fact]
    public async Task AnUnknownJobGets0176()
    {
        Assert.Equal("0176", (await GetAsync("/nope/sql-result")).ErrorCode);
    }
}
