using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>How a job's state, result, progress and times follow the clock and its plan.</summary>
public sealed class JobTimelineTests : LifecycleTest
{
    public JobTimelineTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ADefaultJobGoesNewAcceptedRunningFinishedSucceeded()
    {
        var id = await SubmitJobAsync();

        var seen = new System.Collections.Generic.List<string>();
        foreach (var step in new[] { 0, 100, 200, 1500 })
        {
            Clock.AdvanceMs(step);
            var detail = await DetailAsync(id);
            seen.Add(detail.GetProperty("job_state").GetString() + "/" + detail.GetProperty("job_result").GetString());
        }

        Assert.Equal(new[] { "NEW/UNDEFINED", "ACCEPTED/UNDEFINED", "RUNNING/UNDEFINED", "FINISHED/SUCCEEDED" }, seen);
    }

    [Fact]
    public async Task TimesAreZeroUntilKnownAndElapsedIsFinishedMinusStarted()
    {
        var submitted = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var id = await SubmitJobAsync();

        var accepted = await AdvanceAndShowAsync(id, 150);
        var running = await AdvanceAndShowAsync(id, 600);
        var finished = await AdvanceAndShowAsync(id, 5000);

        Assert.Equal(submitted, accepted.GetProperty("submitted_time").GetInt64());
        Assert.Equal(0, accepted.GetProperty("started_time").GetInt64());
        Assert.Equal(0, accepted.GetProperty("finished_time").GetInt64());
        Assert.Equal(0, accepted.GetProperty("elapsed_time").GetInt64());
        Assert.Equal(0, accepted.GetProperty("job_progress").GetSingle());
        Assert.Equal(submitted + 300, running.GetProperty("started_time").GetInt64());
        Assert.Equal(450, running.GetProperty("elapsed_time").GetInt64());
        Assert.Equal(30, running.GetProperty("job_progress").GetSingle());
        Assert.Equal(0, running.GetProperty("finished_time").GetInt64());
        Assert.Equal(submitted + 1800, finished.GetProperty("finished_time").GetInt64());
        Assert.Equal(1500, finished.GetProperty("elapsed_time").GetInt64());
        Assert.Equal(100, finished.GetProperty("job_progress").GetSingle());
    }

    [Fact]
    public async Task ProgressRisesWhileRunningAndStaysBelowAHundred()
    {
        var id = await SubmitJobAsync();
        Clock.AdvanceMs(300);

        var progress = new float[4];
        for (var i = 0; i < progress.Length; i++)
        {
            Clock.AdvanceMs(374);
            progress[i] = (await DetailAsync(id)).GetProperty("job_progress").GetSingle();
        }

        Assert.True(progress[0] > 0);
        Assert.Equal(progress, System.Linq.Enumerable.Order(progress));
        Assert.True(progress[^1] < 100);
    }

    [Theory]
    [InlineData("{\"job_name\":\"fail-*\",\"result\":\"FAILED\"}", "FINISHED", "FAILED")]
    [InlineData("{\"job_name\":\"fail-*\",\"result\":\"FAILED\",\"final_state\":\"FAILED\"}", "FAILED", "FAILED")]
    [InlineData("{\"job_name\":\"fail-*\",\"result\":\"SUCCEEDED\"}", "FINISHED", "SUCCEEDED")]
    public async Task APlanDecidesHowMatchingJobsEnd(string plan, string state, string result)
    {
        Assert.Equal(201, (await AddPlanAsync(plan)).Status);
        var id = await SubmitJobAsync(jobName: "fail-nightly");

        var detail = await AdvanceAndShowAsync(id, 1800);

        Assert.Equal(state, detail.GetProperty("job_state").GetString());
        Assert.Equal(result, detail.GetProperty("job_result").GetString());
    }

    [Fact]
    public async Task APlanSetsTheDurationsAndOnlyMatchingNamesFollowIt()
    {
        await AddPlanAsync("{\"job_name\":\"quick-*\",\"new_ms\":0,\"accepted_ms\":10,\"running_ms\":20}");
        var quick = await SubmitJobAsync(jobName: "quick-1");
        var other = await SubmitJobAsync(jobName: "slow-quick-1");

        Clock.AdvanceMs(30);

        Assert.Equal("FINISHED", (await DetailAsync(quick)).GetProperty("job_state").GetString());
        Assert.Equal("NEW", (await DetailAsync(other)).GetProperty("job_state").GetString());
    }

    [Fact]
    public async Task TheFirstMatchingPlanWins()
    {
        await AddPlanAsync("{\"job_name\":\"etl-*\",\"result\":\"FAILED\",\"final_state\":\"FAILED\"}");
        await AddPlanAsync("{\"job_name\":\"*\",\"running_ms\":0}");
        var id = await SubmitJobAsync(jobName: "etl-load");

        var detail = await AdvanceAndShowAsync(id, 1800);

        Assert.Equal("FAILED", detail.GetProperty("job_state").GetString());
    }

    [Fact]
    public async Task AJobKeepsThePlanItWasSubmittedUnder()
    {
        var id = await SubmitJobAsync(jobName: "fail-later");
        await AddPlanAsync("{\"job_name\":\"fail-*\",\"result\":\"FAILED\"}");

        var detail = await AdvanceAndShowAsync(id, 1800);

        Assert.Equal("SUCCEEDED", detail.GetProperty("job_result").GetString());
    }

    [Fact]
    public async Task TheDefaultPlanSettingAppliesToJobsNoPlanMatches()
    {
        var put = await SendAsync(System.Net.Http.HttpMethod.Put, "_emulator/settings", "{\"default_job_plan\":{\"new_ms\":0,\"accepted_ms\":0,\"running_ms\":50,\"result\":\"FAILED\"}}");
        var id = await SubmitJobAsync();

        var detail = await AdvanceAndShowAsync(id, 50);

        Assert.Equal(200, put.Status);
        Assert.Equal(50, put.Json.GetProperty("default_job_plan").GetProperty("running_ms").GetDouble());
        Assert.Equal("FINISHED", detail.GetProperty("job_state").GetString());
        Assert.Equal("FAILED", detail.GetProperty("job_result").GetString());
    }

    private async Task<System.Text.Json.JsonElement> AdvanceAndShowAsync(string id, double ms)
    {
        Clock.AdvanceMs(ms);
        return await DetailAsync(id);
    }
}
