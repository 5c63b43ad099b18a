using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// The fault kinds of submission (<c>"kind"</c> of <c>POST /_emulator/faults</c>): dropped connections before and
/// after the job is stored, a gateway's HTML 502, cut-off JSON and the gateway's throttle, as the client sees them.
/// </summary>
public sealed class SubmitFaultKindTests : EmulatorTest
{
    public SubmitFaultKindTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private string JobsPath => $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions";

    [Fact]
    public async Task DropBeforeRecordAbortsTheConnectionAndStoresNoJob()
    {
        await QueueAsync("{\"kind\":\"drop_before_record\"}");
        var token = await LoginAsync();

        var dropped = await Assert.ThrowsAsync<HttpRequestException>(() => SubmitAsync(JobBody(jobName: "dropped"), token: token));
        var next = await SubmitAsync(JobBody(jobName: "next"), token: token);

        Assert.IsAssignableFrom<System.IO.IOException>(dropped.InnerException);
        Assert.Equal(200, next.Status);
        Assert.Equal(new[] { "next" }, State.Jobs.GetAll().Select(j => j.JobName).ToArray());
        Assert.Equal(0, State.Requests.GetAll().Single(r => r.Body.Contains("dropped", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task DropAfterRecordStoresTheJobThenAbortsTheConnection()
    {
        await QueueAsync("{\"kind\":\"drop_after_record\"}");
        var token = await LoginAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => SubmitAsync(JobBody(jobName: "stored-anyway"), token: token));
        var list = await SendAsync(HttpMethod.Get, JobsPath + "?job_name=stored-anyway", token: token);

        var job = Assert.Single(State.Jobs.GetAll());
        Assert.Equal("stored-anyway", job.JobName);
        Assert.Equal(1, list.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(job.JobId, list.Json.GetProperty("job_list")[0].GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task Html502AfterRecordStoresTheJobAndAnswersAGatewayHtmlPage()
    {
        await QueueAsync("{\"kind\":\"html_502_after_record\"}");

        var reply = await SubmitAsync(JobBody());

        Assert.Equal(502, reply.Status);
        Assert.StartsWith("text/html", reply.Header("Content-Type"));
        Assert.Contains("<title>502 Bad Gateway</title>", reply.Text);
        Assert.ThrowsAny<JsonException>(() => reply.Json);
        Assert.Single(State.Jobs.GetAll());
    }

    [Fact]
    public async Task TruncatedJsonAfterRecordStoresTheJobAndAnswers200WithTheSuccessBodyCutInTheMiddle()
    {
        await QueueAsync("{\"kind\":\"truncated_json_after_record\"}");

        var reply = await SubmitAsync(JobBody());

        var job = Assert.Single(State.Jobs.GetAll());
        var full = $"{{\"job_submit_result\":{{\"job_id\":\"{job.JobId}\",\"state\":\"COMPLETE\"}}}}";
        Assert.Equal(200, reply.Status);
        Assert.StartsWith("application/json", reply.Header("Content-Type"));
        Assert.Equal(full[..(full.Length / 2)], reply.Text);
        Assert.StartsWith("{\"job_submit_result\":{\"job_id\":\"", reply.Text);
        Assert.ThrowsAny<JsonException>(() => reply.Json);
    }

    [Fact]
    public async Task Throttle429AnswersTheGatewayBodyWithRetryAfterOneByDefaultAndStoresNoJob()
    {
        await QueueAsync("{\"kind\":\"throttle_429\"}");

        var reply = await SubmitAsync(JobBody());

        Assert.Equal(429, reply.Status);
        Assert.Equal("APIGW.0308", reply.ErrorCode);
        Assert.Equal(FaultKinds.ThrottleMessage, reply.ErrorMsg);
        Assert.Equal(reply.Header("X-Request-Id"), reply.Json.GetProperty("request_id").GetString());
        Assert.Equal("1", reply.Header("Retry-After"));
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task RetryAfterCanBeAnHttpDateFromTheEmulatorClock()
    {
        var now = Clock.Freeze();
        await QueueAsync("{\"kind\":\"throttle_429\",\"retry_after_seconds\":30,\"retry_after_http_date\":true}");
        await QueueAsync("{\"status\":503,\"error_code\":\"0202\",\"retry_after_seconds\":5,\"retry_after_http_date\":true}");

        var throttled = await SubmitAsync(JobBody());
        var refused = await SubmitAsync(JobBody());

        Assert.Equal(now.AddSeconds(30).ToString("r"), throttled.Header("Retry-After"));
        Assert.Equal(now.AddSeconds(5).ToString("r"), refused.Header("Retry-After"));
        Assert.Equal((503, "0202"), (refused.Status, refused.SubmitErrorCode));
    }

    [Fact]
    public async Task AnAfterRecordFaultFiresOnlyAfterTheBodyAndClusterChecks()
    {
        await QueueAsync("{\"kind\":\"html_502_after_record\"}");
        var token = await LoginAsync();

        var invalid = await SubmitAsync(JobBody(jobName: "bad name"), token: token);
        var noHive = await SubmitAsync(JobBody("HiveSql"), SeedData.HadoopOnlyClusterId, token);
        var faulted = await SubmitAsync(JobBody(), token: token);

        invalid.AssertInvalidParameter("job_name");
        Assert.Equal("0168", noHive.SubmitErrorCode);
        Assert.Equal(502, faulted.Status);
        Assert.Single(State.Jobs.GetAll());
    }

    [Fact]
    public async Task DropBeforeRecordCanAlsoAnswerAJobRead()
    {
        var token = await LoginAsync();
        var jobId = (await SubmitAsync(JobBody(), token: token)).Json.GetProperty("job_submit_result").GetProperty("job_id").GetString();
        await QueueAsync("{\"kind\":\"drop_before_record\",\"operation\":\"show\"}");

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(HttpMethod.Get, $"{JobsPath}/{jobId}", token: token));

        Assert.Equal(202, (await SendAsync(HttpMethod.Get, $"{JobsPath}/{jobId}", token: token)).Status);
    }

    [Theory]
    [InlineData("{\"kind\":\"drop_sometimes\"}", "Unknown kind")]
    [InlineData("{\"kind\":\"error\",\"status\":500}", "error_code and status")]
    [InlineData("{\"status\":500,\"error_code\":\"0202\",\"retry_after_http_date\":true}", "retry_after_http_date")]
    [InlineData("{\"kind\":\"drop_after_record\",\"operation\":\"show\"}", "submit only")]
    public async Task InvalidFaultKindsAreRefused(string body, string message)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/faults", body);

        Assert.Equal(400, reply.Status);
        Assert.Contains(message, reply.ErrorMsg);
    }

    [Fact]
    public async Task AFaultOfAnotherKindNeedsNoStatusAndIsListedWithItsKind()
    {
        var queued = await QueueAsync("{\"kind\":\"throttle_429\",\"count\":2,\"retry_after_http_date\":true}");
        var listed = await SendAsync(HttpMethod.Get, "_emulator/faults");

        var item = Assert.Single(listed.Json.EnumerateArray());
        Assert.Equal("throttle_429", queued.Json.GetProperty("kind").GetString());
        Assert.Equal(429, item.GetProperty("status").GetInt32());
        Assert.Equal(2, item.GetProperty("count").GetInt32());
        Assert.Equal(1, item.GetProperty("retry_after_seconds").GetInt32());
        Assert.True(item.GetProperty("retry_after_http_date").GetBoolean());
    }

    private async Task<Reply> QueueAsync(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/faults", body);
        Assert.True(reply.Status == 201, reply.ToString());
        return reply;
    }
}
