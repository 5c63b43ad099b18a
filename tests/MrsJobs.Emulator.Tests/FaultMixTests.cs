using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>/_emulator/fault-mix</c>: a seeded random mix of submission faults for load tests.</summary>
public sealed class FaultMixTests : EmulatorTest
{
    private const string Rates =
        "{\"throttle_429\":0.2,\"code_0202\":0.15,\"drop_before_record\":0.1,\"drop_after_record\":0.1,\"html_502_after_record\":0.1,\"truncated_json_after_record\":0.1}";

    public FaultMixTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameSequenceOfOutcomes()
    {
        var token = await LoginAsync();

        await SetMixAsync(42);
        var first = await OutcomesAsync(token, 40);
        await SetMixAsync(42);
        var second = await OutcomesAsync(token, 40);
        await SetMixAsync(7);
        var other = await OutcomesAsync(token, 40);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains("ok", first);
        Assert.Contains("dropped", first);
        Assert.Contains("429", first);
    }

    [Fact]
    public async Task EachSubmissionDrawsOnceFromRandomOfTheSeedInTheDocumentedOrder()
    {
        var token = await LoginAsync();
        await SetMixAsync(42);

        var outcomes = await OutcomesAsync(token, 30);

        var random = new Random(42);
        var expected = Enumerable.Range(0, 30).Select(_ => random.NextDouble() switch
        {
            < 0.2 => "429",
            < 0.35 => "500 0202",
            < 0.55 => "dropped", // drop_before_record, then drop_after_record
            < 0.65 => "502",
            < 0.75 => "200 truncated",
            _ => "ok",
        }).ToArray();
        Assert.Equal(expected, outcomes);
        Assert.Equal(30, (await SendAsync(HttpMethod.Get, "_emulator/fault-mix")).Json.GetProperty("draws").GetInt64());
    }

    [Fact]
    public async Task Code0202AndThrottleHaveTheirDocumentedShapesAndRetryAfterZeroIsSent()
    {
        await SendAsync(HttpMethod.Put, "_emulator/fault-mix", "{\"seed\":1,\"rates\":{\"throttle_429\":1},\"retry_after_seconds\":0}");
        var throttled = await SubmitAsync(JobBody());
        await SendAsync(HttpMethod.Put, "_emulator/fault-mix", "{\"seed\":1,\"rates\":{\"code_0202\":1}}");
        var refused = await SubmitAsync(JobBody());

        Assert.Equal((429, "APIGW.0308", "0"), (throttled.Status, throttled.ErrorCode, throttled.Header("Retry-After")));
        Assert.Equal((500, "0202"), (refused.Status, refused.SubmitErrorCode));
        Assert.Equal(FaultMix.Code0202Message, refused.Json.GetProperty("job_submit_result").GetProperty("error_msg").GetString());
        Assert.Null(refused.Header("Retry-After"));
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task AQueuedFaultFiresFirstAndTakesNoDraw()
    {
        await SendAsync(HttpMethod.Put, "_emulator/fault-mix", "{\"seed\":1,\"rates\":{\"throttle_429\":1}}");
        State.Faults.Enqueue(new FaultRule(null, 1, 500, "0173", "Failed.", FaultShape.JobSubmitResult, null));

        var reply = await SubmitAsync(JobBody());

        Assert.Equal("0173", reply.SubmitErrorCode);
        Assert.Equal(0, State.FaultMix.Draws);
    }

    [Fact]
    public async Task TheMixIsShownRemovedAndForgottenByReset()
    {
        var put = await SendAsync(HttpMethod.Put, "_emulator/fault-mix", "{\"seed\":42,\"operation\":\"submit\",\"rates\":{\"code_0202\":0.03,\"throttle_429\":0.03}}");
        var shown = await SendAsync(HttpMethod.Get, "_emulator/fault-mix");
        var deleted = await SendAsync(HttpMethod.Delete, "_emulator/fault-mix");
        var gone = await SendAsync(HttpMethod.Get, "_emulator/fault-mix");
        await SendAsync(HttpMethod.Put, "_emulator/fault-mix", "{\"seed\":42,\"rates\":{}}");
        await SendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal(200, put.Status);
        Assert.Equal(42, shown.Json.GetProperty("seed").GetInt32());
        Assert.Equal("submit", shown.Json.GetProperty("operation").GetString());
        Assert.Equal(new[] { "throttle_429", "code_0202" }, shown.Json.GetProperty("rates").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, gone.Status);
        Assert.Null(State.FaultMix.Current);
    }

    [Theory]
    [InlineData("{\"seed\":1,\"rates\":{\"timeout\":0.1}}", "Unknown fault 'timeout'")]
    [InlineData("{\"seed\":1,\"rates\":{\"throttle_429\":-0.1}}", "from 0 to 1")]
    [InlineData("{\"seed\":1,\"rates\":{\"throttle_429\":0.6,\"code_0202\":0.5}}", "at most 1")]
    [InlineData("{\"rates\":{\"throttle_429\":0.1}}", "seed")]
    [InlineData("{\"seed\":1}", "rates")]
    [InlineData("{\"seed\":1,\"operation\":\"show\",\"rates\":{}}", "submit only")]
    [InlineData("{\"seed\":1,\"rates\":{},\"retry_after_seconds\":-1}", "retry_after_seconds")]
    [InlineData("{\"seed\":1,\"rates\":{\"throttle_429\":\"often\"}}", "not valid")]
    public async Task AnInvalidMixIsRefused(string body, string message)
    {
        var reply = await SendAsync(HttpMethod.Put, "_emulator/fault-mix", body);

        Assert.Equal(400, reply.Status);
        Assert.Contains(message, reply.ErrorMsg);
        Assert.Null(State.FaultMix.Current);
    }

    private async Task SetMixAsync(int seed)
    {
        var reply = await SendAsync(HttpMethod.Put, "_emulator/fault-mix", $"{{\"seed\":{seed},\"rates\":{Rates}}}");
        Assert.True(reply.Status == 200, reply.ToString());
    }

    private async Task<string[]> OutcomesAsync(string token, int count)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            try
            {
                var reply = await SubmitAsync(JobBody(), token: token);
                outcomes.Add(reply.Status switch
                {
                    200 when !reply.Text.EndsWith('}') => "200 truncated",
                    200 => "ok",
                    500 => "500 " + reply.SubmitErrorCode,
                    var status => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dropped");
            }
        }

        return outcomes.ToArray();
    }
}
