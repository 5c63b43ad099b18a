using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>Queued one-shot faults on job submission and on the lifecycle reads and kill.</summary>
public sealed class FaultInjectionTests : EmulatorTest
{
    public FaultInjectionTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task AQueuedFaultAnswersTheNextNSubmissionsThenSubmissionsSucceedAgain()
    {
        var queued = await SendAsync(
            System.Net.Http.HttpMethod.Post,
            "_emulator/faults",
            $"{{\"cluster_id\":\"{SeedData.FullClusterId}\",\"count\":2,\"status\":500,\"error_code\":\"0202\",\"error_msg\":\"Too many jobs are being submitted.\",\"shape\":\"job_submit_result\"}}");
        Assert.Equal(201, queued.Status);
        var token = await LoginAsync();

        var first = await SubmitAsync(JobBody(), token: token);
        var second = await SubmitAsync(JobBody(), token: token);
        var third = await SubmitAsync(JobBody(), token: token);

        Assert.Equal((500, "0202"), (first.Status, first.SubmitErrorCode));
        Assert.Equal((500, "0202"), (second.Status, second.SubmitErrorCode));
        Assert.Equal(200, third.Status);
        Assert.Single(State.Jobs.GetAll());
    }

    [Fact]
    public async Task AThrottlingFaultAnswers429WithRetryAfterInTheGatewayShape()
    {
        State.Faults.Enqueue(new FaultRule(SeedData.FullClusterId, 1, 429, "APIGW.0308", "The throttling threshold has been reached.", FaultShape.Apig, 3));

        var reply = await SubmitAsync(JobBody());

        Assert.Equal(429, reply.Status);
        Assert.Equal("APIGW.0308", reply.ErrorCode);
        Assert.Equal("3", reply.Header("Retry-After"));
        Assert.Equal(reply.Header("X-Request-Id"), reply.Json.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task ACanonicalFaultHasTheFlatShape()
    {
        State.Faults.Enqueue(new FaultRule(null, 1, 400, "0177", "Too many running jobs.", FaultShape.Canonical, null));

        var reply = await SubmitAsync(JobBody());

        Assert.Equal(400, reply.Status);
        Assert.Equal("0177", reply.ErrorCode);
        Assert.Null(reply.Header("Retry-After"));
    }

    [Fact]
    public async Task AFaultForOneClusterLeavesOtherClustersAlone()
    {
        State.Faults.Enqueue(new FaultRule(SeedData.HadoopOnlyClusterId, 1, 500, "0173", "Failed to submit the job.", FaultShape.JobSubmitResult, null));

        var reply = await SubmitAsync(JobBody());

        Assert.Equal(200, reply.Status);
        Assert.Single(State.Faults.GetPending());
    }

    [Fact]
    public async Task AFaultFiresOnlyForSubmissionsThatPassTheEarlierChecks()
    {
        State.Faults.Enqueue(new FaultRule(SeedData.FullClusterId, 1, 500, "0173", "Failed to submit the job.", FaultShape.JobSubmitResult, null));

        var invalid = await SubmitAsync(JobBody(jobName: "bad name"));
        var faulted = await SubmitAsync(JobBody());

        invalid.AssertInvalidParameter("job_name");
        Assert.Equal("0173", faulted.SubmitErrorCode);
    }

    [Fact]
    public async Task AFaultForShowAnswersTheNextReadOfAJobAndLeavesSubmissionsAlone()
    {
        var queued = await SendAsync(
            System.Net.Http.HttpMethod.Post,
            "_emulator/faults",
            "{\"count\":1,\"status\":429,\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached.\",\"shape\":\"apig\",\"operation\":\"show\"}");
        Assert.Equal(201, queued.Status);
        Assert.Equal("show", queued.Json.GetProperty("operation").GetString());
        var token = await LoginAsync();

        var submitted = await SubmitAsync(JobBody(), token: token);
        var jobId = submitted.Json.GetProperty("job_submit_result").GetProperty("job_id").GetString();
        var path = $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions/{jobId}";
        var throttled = await SendAsync(System.Net.Http.HttpMethod.Get, path, token: token);
        var read = await SendAsync(System.Net.Http.HttpMethod.Get, path, token: token);

        Assert.Equal(200, submitted.Status);
        Assert.Equal((429, "APIGW.0308"), (throttled.Status, throttled.ErrorCode));
        Assert.Equal(202, read.Status);
    }

    [Fact]
    public async Task AFaultForListAnswersTheNextListOfTheClusterOnly()
    {
        var queued = await SendAsync(
            System.Net.Http.HttpMethod.Post,
            "_emulator/faults",
            $"{{\"cluster_id\":\"{SeedData.FullClusterId}\",\"count\":1,\"status\":429,\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached.\",\"shape\":\"apig\",\"operation\":\"list\"}}");
        Assert.Equal("list", queued.Json.GetProperty("operation").GetString());
        var token = await LoginAsync();
        string List(string cluster) => $"v2/{SeedData.CnNorth4ProjectId}/clusters/{cluster}/job-executions?limit=10&offset=1";

        var other = await SendAsync(System.Net.Http.HttpMethod.Get, List(SeedData.HadoopOnlyClusterId), token: token);
        var throttled = await SendAsync(System.Net.Http.HttpMethod.Get, List(SeedData.FullClusterId), token: token);
        var listed = await SendAsync(System.Net.Http.HttpMethod.Get, List(SeedData.FullClusterId), token: token);

        Assert.Equal(202, other.Status);
        Assert.Equal((429, "APIGW.0308"), (throttled.Status, throttled.ErrorCode));
        Assert.Equal(202, listed.Status);
    }

    [Fact]
    public async Task AnUnknownFaultOperationIsRefused()
    {
        var reply = await SendAsync(
            System.Net.Http.HttpMethod.Post,
            "_emulator/faults",
            "{\"status\":500,\"error_code\":\"0173\",\"operation\":\"batch_delete\"}");

        Assert.Equal(400, reply.Status);
    }
}
