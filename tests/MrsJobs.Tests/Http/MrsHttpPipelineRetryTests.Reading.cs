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

/// <summary>Reads (show, list, SQL result) are safe to repeat: they are sent again after a lost answer too.</summary>
public partial class MrsHttpPipelineRetryTests
{
    public class WhenReading : RetryTest
    {
        public WhenReading(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        private async Task<(MrsSession Session, string JobId)> SessionWithAJobAsync()
        {
            var session = await ConnectOnTheClockAsync();
            var job = await SubmitAsync(session, Job());
            Fixture.State.Requests.Clear();
            return (session, job.JobId!);
        }

        private int Reads(string jobId) => Submissions().Count(r => r.Method == "GET" && r.Path.EndsWith("/" + jobId, StringComparison.Ordinal));

        [Fact]
        public async Task SendsAgainAfterA502PageAndReturnsTheJob()
        {
            var (session, jobId) = await SessionWithAJobAsync();
            Fixture.State.Faults.Enqueue(FaultKinds.FixedRule(FaultKind.Html502AfterRecord, null, 1, FaultOperation.Show));

            var read = session.Jobs.GetJobAsync(SeedData.FullClusterId, jobId, Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(read);

            var job = await read;
            Assert.Equal(jobId, job.JobId);
            Assert.Single(waits);
            Assert.Equal(2, Reads(jobId));
        }

        [Fact]
        public async Task SendsAgainAfterTheConnectionDropped()
        {
            var (session, jobId) = await SessionWithAJobAsync();
            await QueueAsync("drop_before_record", operation: "show");

            var read = session.Jobs.GetJobAsync(SeedData.FullClusterId, jobId, Context);
            await Clock.AdvanceThroughWaitsAsync(read);

            Assert.Equal(jobId, (await read).JobId);
            Assert.Equal(2, Reads(jobId));
        }

        [Fact]
        public async Task StopsAfterTheLastRetryAndSaysTheAnswerWasUnusable()
        {
            var (session, jobId) = await SessionWithAJobAsync();
            Fixture.State.Faults.Enqueue(FaultKinds.FixedRule(FaultKind.Html502AfterRecord, null, 10, FaultOperation.Show));

            var read = session.Jobs.GetJobAsync(SeedData.FullClusterId, jobId, Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(read);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => read);
            Assert.Equal(RequestOutcome.Unknown, failure.Outcome);
            Assert.Equal(3, waits.Count);
            Assert.Equal(4, Reads(jobId));
        }

        [Fact]
        public async Task NeverSendsAgainWhenTheCredentialsAreRefused()
        {
            var session = SessionWithARefusedToken();

            var read = session.Jobs.GetJobAsync(SeedData.FullClusterId, "44b37a20-ffe8-42b1-b42b-78a5978d7e40", Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(read);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => read);
            Assert.Equal(MrsErrorKind.Authentication, failure.Kind);
            Assert.Empty(waits);
            Assert.Single(Submissions());
        }

        [Fact]
        public async Task NeverSendsAgainWhenTheJobDoesNotExist()
        {
            var session = await ConnectOnTheClockAsync();

            var read = session.Jobs.GetJobAsync(SeedData.FullClusterId, "44b37a20-ffe8-42b1-b42b-78a5978d7e40", Context);
            var waits = await Clock.AdvanceThroughWaitsAsync(read);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => read);
            Assert.Equal("0176", failure.ErrorCode);
            Assert.Empty(waits);
        }
    }
}
