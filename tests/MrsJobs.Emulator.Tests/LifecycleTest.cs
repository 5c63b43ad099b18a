using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Tests;

/// <summary>Base of the job lifecycle tests: a frozen clock, one login, and a helper per endpoint.</summary>
public abstract class LifecycleTest : EmulatorTest
{
    /// <summary>The job-executions path of the full cluster of cn-north-4.</summary>
    protected const string JobsPath = $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions";

    private string? token;

    /// <summary>Freezes the clock so every timeline step is exact.</summary>
    protected LifecycleTest(EmulatorFixture fixture)
        : base(fixture) => Clock.Freeze();

    /// <summary>A token of demo-user for cn-north-4, made once per test.</summary>
    protected async Task<string> TokenAsync() => token ??= await LoginAsync();

    /// <summary>Submits a job over HTTP and returns its id.</summary>
    protected async Task<string> SubmitJobAsync(
        string jobType = "MapReduce",
        string jobName = "wordcount",
        IEnumerable<string>? arguments = null,
        IDictionary<string, string>? properties = null)
    {
        var reply = await SubmitAsync(JobBody(jobType, jobName, arguments, properties), token: await TokenAsync());
        return reply.Json.GetProperty("job_submit_result").GetProperty("job_id").GetString()!;
    }

    /// <summary>GETs a path under the job-executions collection (<c>""</c> for the list itself).</summary>
    protected async Task<Reply> GetAsync(string relative) =>
        await SendAsync(HttpMethod.Get, JobsPath + relative, token: await TokenAsync());

    /// <summary>POSTs to a path under the job-executions collection.</summary>
    protected async Task<Reply> PostAsync(string relative, string? body = null, string? contentType = JsonUtf8) =>
        await SendAsync(HttpMethod.Post, JobsPath + relative, body, contentType, await TokenAsync());

    /// <summary>Shows a job and returns its <c>job_detail</c> (asserting the 202).</summary>
    protected async Task<JsonElement> DetailAsync(string jobId)
    {
        var reply = await GetAsync("/" + jobId);
        Xunit.Assert.Equal(202, reply.Status);
        return reply.Json.GetProperty("job_detail");
    }

    /// <summary>Lists with a query (without <c>?</c>) and returns the reply.</summary>
    protected Task<Reply> ListAsync(string query = "") => GetAsync(query.Length == 0 ? string.Empty : "?" + query);

    /// <summary>The job ids of a list reply, in order.</summary>
    protected static string[] IdsOf(Reply list) =>
        list.Json.GetProperty("job_list").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()!).ToArray();

    /// <summary>Adds jobs through <c>POST /_emulator/jobs</c> and returns their ids, oldest first.</summary>
    protected async Task<string[]> AddJobsAsync(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/jobs", body);
        Xunit.Assert.Equal(201, reply.Status);
        return reply.Json.GetProperty("job_ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
    }

    /// <summary>Adds a job plan through <c>POST /_emulator/job-plans</c>.</summary>
    protected async Task<Reply> AddPlanAsync(string body) => await SendAsync(HttpMethod.Post, "_emulator/job-plans", body);
}
