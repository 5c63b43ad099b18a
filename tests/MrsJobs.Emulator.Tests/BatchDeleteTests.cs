using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>POST …/job-executions/batch-delete</c>: all or nothing.</summary>
public sealed class BatchDeleteTests : LifecycleTest
{
    public BatchDeleteTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task EndedJobsAreDeletedWith200AndNoBodyAndDisappear()
    {
        var first = await SubmitJobAsync();
        var second = await SubmitJobAsync();
        var kept = await SubmitJobAsync();
        Clock.AdvanceMs(1800);

        var reply = await PostAsync("/batch-delete", $"{{\"job_id_list\":[\"{first}\",\"{second}\",\"{first}\"]}}");

        Assert.Equal(200, reply.Status);
        Assert.Equal(string.Empty, reply.Text);
        Assert.Equal("0176", (await GetAsync("/" + first)).ErrorCode);
        Assert.Equal(new[] { kept }, IdsOf(await ListAsync()));
    }

    [Fact]
    public async Task AKilledJobCanBeDeletedAtOnce()
    {
        var id = await SubmitJobAsync();
        await PostAsync($"/{id}/kill");

        Assert.Equal(200, (await PostAsync("/batch-delete", $"{{\"job_id_list\":[\"{id}\"]}}")).Status);
    }

    [Fact]
    public async Task AJobThatHasNotEndedIsRefusedWith0161AndNothingIsDeleted()
    {
        var ended = await SubmitJobAsync();
        Clock.AdvanceMs(1800);
        var running = await SubmitJobAsync();

        var reply = await PostAsync("/batch-delete", $"{{\"job_id_list\":[\"{ended}\",\"{running}\"]}}");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0161", reply.ErrorCode);
        Assert.Contains(running, reply.ErrorMsg);
        Assert.Equal(2, IdsOf(await ListAsync()).Length);
    }

    [Fact]
    public async Task AnUnknownIdIsRefusedWith0176AndNothingIsDeleted()
    {
        var id = await SubmitJobAsync();
        Clock.AdvanceMs(1800);

        var reply = await PostAsync("/batch-delete", $"{{\"job_id_list\":[\"{id}\",\"no-such-job\"]}}");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0176", reply.ErrorCode);
        Assert.Single(IdsOf(await ListAsync()));
    }

    [Theory]
    [InlineData("{\"job_id_list\":[]}")]
    [InlineData("{\"job_id_list\":[\" \"]}")]
    public async Task AnEmptyListOrABlankIdGets0178(string body)
    {
        var reply = await PostAsync("/batch-delete", body);

        Assert.Equal(500, reply.Status);
        Assert.Equal("0178", reply.ErrorCode);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[\"a\"]", "body")]
    [InlineData("{}", "body")]
    [InlineData("{\"job_ids\":[\"a\"]}", "body")]
    [InlineData("{\"job_id_list\":[\"a\"],\"force\":true}", "body")]
    [InlineData("{\"job_id_list\":\"a\"}", "job_id_list")]
    [InlineData("{\"job_id_list\":[1]}", "job_id_list")]
    public async Task AWrongBodyGets400With12000002(string body, string field)
    {
        (await PostAsync("/batch-delete", body)).AssertInvalidParameter(field);
    }

    [Fact]
    public async Task TheBodyMustBeJson()
    {
        var reply = await PostAsync("/batch-delete", "{\"job_id_list\":[\"a\"]}", "text/plain");

        Assert.Equal(415, reply.Status);
    }
}
