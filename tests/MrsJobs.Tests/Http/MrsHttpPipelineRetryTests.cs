using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary>
/// <see cref="MrsHttpPipeline"/> against the in-process emulator, on a fake clock: what is sent again, after how
/// long, and what is never sent twice. No test sleeps to wait out a back-off.
/// </summary>
public partial class MrsHttpPipelineRetryTests
{
    /// <summary>Three retries, back-off 100 ms to 1 s (so Retry-After decides), a minute in all.</summary>
    private static readonly RetryPolicy Patient = new(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <summary>Base of the retry tests: sessions on a <see cref="WatchedClock"/>, and the requests the emulator saw.</summary>
    public abstract class RetryTest : EmulatorTest
    {
        protected RetryTest(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        internal WatchedClock Clock { get; } = new();

        internal TraceLines Trace { get; } = new();

        internal CallContext Context => new(Trace, CancellationToken.None);

        protected Task<MrsSession> ConnectOnTheClockAsync(RetryPolicy? retry = null) =>
            ConnectAsync(options: new SessionOptions { Clock = Clock, Retry = retry ?? Patient });

        /// <summary>A session whose token the emulator never issued: every request is refused for its credentials.</summary>
        protected MrsSession SessionWithARefusedToken() => SessionFactory.FromToken(
            "MIIbogus-token-the-emulator-never-issued", SeedData.CnNorth4ProjectId, null, BaseAddress, BaseAddress, DateTimeOffset.UtcNow.AddHours(1), UserAgent, new SessionOptions { Clock = Clock, Retry = Patient });

        /// <summary>A session pointed at a loopback port where nothing listens.</summary>
        protected MrsSession SessionOnAClosedPort(RetryPolicy retry)
        {
            var closed = ClosedPort.Address();
            return SessionFactory.FromToken("MIIany", SeedData.CnNorth4ProjectId, null, closed, closed, DateTimeOffset.UtcNow.AddHours(1), UserAgent, new SessionOptions { Clock = Clock, Retry = retry });
        }

        protected IReadOnlyList<RecordedRequest> Posts() => Submissions().Where(r => r.Method == "POST").ToList();

        protected Task QueueAsync(string kind, int count = 1, int? retryAfterSeconds = null, bool retryAfterHttpDate = false, string operation = "submit") =>
            ControlAsync("faults", new Dictionary<string, object?>
            {
                ["kind"] = kind,
                ["count"] = count,
                ["retry_after_seconds"] = retryAfterSeconds,
                ["retry_after_http_date"] = retryAfterHttpDate,
                ["operation"] = operation,
            });

        protected static async Task<T> Within<T>(Task<T> work, int seconds = 10)
        {
            var first = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(seconds)));
            Assert.True(first == work, $"did not end within {seconds} s");
            return await work;
        }
    }

    public class WhenSubmitting : RetryTest
    {
        public WhenSubmitting(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        [Fact]
        public async Task WaitsAsLongAsRetryAfterAsksBeforeSendingAgain()
        {
            var session = await ConnectOnTheClockAsync();
            await QueueAsync("throttle_429", retryAfterSeconds: 7);

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var wait = await Clock.NextWaitAsync();

            Assert.Equal(TimeSpan.FromSeconds(7), wait);
            Assert.Single(Posts());
            Clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
            Assert.False(submit.IsCompleted);
            Assert.Single(Posts());
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            var accepted = await Within(submit);
            Assert.Equal(2, Posts().Count);
            Assert.Equal(accepted.JobId, Assert.Single(Fixture.State.Jobs.GetAll()).JobId);
        }

        [Fact]
        public async Task HonoursARetryAfterGivenAsAnHttpDate()
        {
            var session = await ConnectOnTheClockAsync();
            await QueueAsync("throttle_429", retryAfterSeconds: 7, retryAfterHttpDate: true);

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var wait = await Clock.NextWaitAsync();

            // An HTTP date has a resolution of one second, and so has the Date header it is measured from.
            Assert.InRange(wait, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8));
            Clock.Advance(TimeSpan.FromSeconds(5.9));
            Assert.False(submit.IsCompleted);
            Assert.Single(Posts());
            Clock.Advance(TimeSpan.FromSeconds(2.2));
            await Within(submit);
            Assert.Equal(2, Posts().Count);
        }

        [Theory]
        [InlineData(500, "0202")]
        [InlineData(500, "0177")]
        [InlineData(429, "APIGW.0308")]
        public async Task SendsAgainWhenTheServiceSaidItProcessedNothing(int status, string code)
        {
            var session = await ConnectOnTheClockAsync();
            await ControlAsync("faults", new Dictionary<string, object?> { ["status"] = status, ["error_code"] = code, ["error_msg"] = "Try again later." });

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var accepted = await submit;
            Assert.Single(waits);
            Assert.Equal(2, Posts().Count);
            Assert.Equal(accepted.JobId, Assert.Single(Fixture.State.Jobs.GetAll()).JobId);
        }

        [Theory]
        [InlineData("drop_after_record")]
        [InlineData("html_502_after_record")]
        [InlineData("truncated_json_after_record")]
        public async Task NeverSendsAgainWhenTheAnswerWasLost(string kind)
        {
            var session = await ConnectOnTheClockAsync();
            await QueueAsync(kind);

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal(RequestOutcome.Unknown, failure.Outcome);
            Assert.Empty(waits);
            Assert.Single(Posts());
            Assert.Single(Fixture.State.Jobs.GetAll());
        }

        [Fact]
        public async Task NeverSendsAgainWhenTheConnectionDroppedBeforeTheServiceRecordedIt()
        {
            var session = await ConnectOnTheClockAsync();
            await QueueAsync("drop_before_record");

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal(RequestOutcome.Unknown, failure.Outcome);
            Assert.Empty(waits);
            Assert.Single(Posts());
        }

        [Fact]
        public async Task GivesUpWhenTheNextWaitWouldPassTheTotalTime()
        {
            var fiveSeconds = new RetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            var session = await ConnectOnTheClockAsync(fiveSeconds);
            await QueueAsync("throttle_429", count: 10, retryAfterSeconds: 2);

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal(RequestOutcome.Throttled, failure.Outcome);
            Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, waits);
            Assert.Equal(3, Posts().Count);
            Assert.Empty(Fixture.State.Jobs.GetAll());
        }

        [Fact]
        public async Task GivesUpAtOnceWhenRetryAfterAsksForMoreThanTheTotalTime()
        {
            var session = await ConnectOnTheClockAsync();
            await QueueAsync("throttle_429", retryAfterSeconds: 600);

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal(RequestOutcome.Throttled, failure.Outcome);
            Assert.Empty(waits);
            Assert.Single(Posts());
        }

        [Fact]
        public async Task NeverSendsAgainWhenTheCredentialsAreRefused()
        {
            var session = SessionWithARefusedToken();

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal(MrsErrorKind.Authentication, failure.Kind);
            Assert.Equal(RequestOutcome.Refused, failure.Outcome);
            Assert.Empty(waits);
            Assert.Single(Posts());
        }

        [Fact]
        public async Task NeverSendsAgainWhenTheServiceRefusedTheJob()
        {
            var session = await ConnectOnTheClockAsync();

            var submit = session.Jobs.SubmitJobAsync(Job(JobTypes.HiveSql, "needs_hive", SeedData.NoHiveNoFlinkClusterId), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal("0168", failure.ErrorCode);
            Assert.Empty(waits);
            Assert.Single(Posts());
        }

        [Fact]
        public async Task TriesAClosedPortAsOftenAsAllowedThenSaysNothingWasSent()
        {
            var session = SessionOnAClosedPort(new RetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)));

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.Equal(RequestOutcome.NotSent, failure.Outcome);
            Assert.Equal(MrsErrorKind.Connection, failure.Kind);
            Assert.Equal(3, waits.Count);
            Assert.Equal(4, Trace.Verbose.Count(l => l.StartsWith("POST ", StringComparison.Ordinal) && !l.Contains(" answered ", StringComparison.Ordinal) && !l.Contains("waiting", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task BacksOffLongerBeforeEachRetry()
        {
            var session = SessionOnAClosedPort(new RetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)));

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(submit);

            await Assert.ThrowsAsync<MrsApiException>(() => submit);
            Assert.InRange(waits[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
            Assert.InRange(waits[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            Assert.InRange(waits[2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }

        [Fact]
        public async Task TellsTheTraceThatItWaitsHowLongAndWhy()
        {
            var session = await ConnectOnTheClockAsync();
            await QueueAsync("throttle_429", retryAfterSeconds: 7);

            var submit = session.Jobs.SubmitJobAsync(Job(), Context);
            await Clock.AdvanceThroughWaitsAsync(submit);
            await submit;

            var line = Assert.Single(Trace.Verbose, l => l.Contains("waiting", StringComparison.Ordinal));
            Assert.StartsWith("POST " + BaseAddress, line);
            Assert.Contains("throttled (HTTP 429 APIGW.0308, Retry-After 7 s)", line);
            Assert.Contains("waiting 7", line);
            Assert.Contains("before retry 1 of 3", line);
        }
    }


    /// <summary>Collects trace lines from any thread.</summary>
    internal sealed class TraceLines : IHttpTraceSink
    {
        private readonly ConcurrentQueue<string> verbose = new();

        public IReadOnlyList<string> Verbose => verbose.ToArray();

        public bool IsDebugEnabled => false;

        void IHttpTraceSink.Verbose(string message) => verbose.Enqueue(message);

        public void Debug(string message)
        {
        }
    }
}
