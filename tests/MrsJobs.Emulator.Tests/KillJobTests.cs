using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>POST …/job-executions/{id}/kill</c>.</summary>
public sealed class KillJobTests : LifecycleTest
{
    public KillJobTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task KillingARunningJobAnswers202WithNoBodyAndMakesItKilled()
    {
        var id = await SubmitJobAsync();
        Clock.AdvanceMs(600);

        var reply = await PostAsync($"/{id}/kill", contentType: null);
        Clock.AdvanceMs(5000);
        var detail = await DetailAsync(id);

        Assert.Equal(202, reply.Status);
        Assert.Equal(string.Empty, reply.Text);
        Assert.Equal("KILLED", detail.GetProperty("job_state").GetString());
        Assert.Equal("KILLED", detail.GetProperty("job_result").GetString());
        Assert.Equal(300, detail.GetProperty("elapsed_time").GetInt64());
        Assert.Equal(20, detail.GetProperty("job_progress").GetSingle());
    }

    [Fact]
    public async Task AJobKilledBeforeItRanNeverStarted()
    {
        var id = await SubmitJobAsync();

        await PostAsync($"/{id}/kill");
        var detail = await DetailAsync(id);

        Assert.Equal("KILLED", detail.GetProperty("job_state").GetString());
        Assert.Equal(0, detail.GetProperty("started_time").GetInt64());
        Assert.NotEqual(0, detail.GetProperty("finished_time").GetInt64());
        Assert.False(detail.TryGetProperty("app_id", out _));
    }

    [Fact]
    public async Task KillingAJobThatEndedGets500With0175()
    {
        var id = await SubmitJobAsync();
        Clock.AdvanceMs(1800);

        var reply = await PostAsync($"/{id}/kill");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0175", reply.ErrorCode);
        Assert.Equal("Failed to terminate the job.", reply.ErrorMsg);
        Assert.Equal("SUCCEEDED", (await DetailAsync(id)).GetProperty("job_result").GetString());
    }

    [Fact]
    public async Task KillingItTwiceGets0175TheSecondTime()
    {
        var id = await SubmitJobAsync();

        await PostAsync($"/{id}/kill");
        var again = await PostAsync($"/{id}/kill");

        Assert.Equal("0175", again.ErrorCode);
    }

    [Fact]
    public async Task KillingAnUnknownJobGets0176()
    {
        var reply = await PostAsync("/00000000-0000-0000-0000-000000000000/kill");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0176", reply.ErrorCode);
    }
}
