using System;
using System.Net;
using System.Threading.Tasks;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary><see cref="Core.Api.MrsJobClient"/>: every refusal surfaces as one <see cref="MrsApiException"/> with the service's code.</summary>
public partial class MrsJobClientTests
{
    public class ItsRefusals : EmulatorTest
    {
        private const string RequestIdPattern = "^[0-9a-f]{32}$";

        public ItsRefusals(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        [Theory]
        [InlineData(JobTypes.HiveSql, SeedData.NoHiveNoFlinkClusterId, "0168", "Hive")]
        [InlineData(JobTypes.HiveScript, SeedData.HadoopOnlyClusterId, "0168", "Hive")]
        [InlineData(JobTypes.SparkSubmit, SeedData.HadoopOnlyClusterId, "0057", "Spark")]
        [InlineData(JobTypes.SparkSql, SeedData.HadoopOnlyClusterId, "0057", "Spark")]
        [InlineData(JobTypes.Flink, SeedData.NoHiveNoFlinkClusterId, "0169", "Flink")]
        public async Task SaysWhichComponentIsMissing(string jobType, string clusterId, string code, string component)
        {
            var session = await ConnectAsync();

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job(jobType, "needs_" + component, clusterId)));

            Assert.Equal(code, failure.ErrorCode);
            Assert.Equal(MrsErrorKind.NotInstalled, failure.Kind);
            Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
            Assert.Equal("MrsApiError." + code, failure.ErrorId);
            Assert.Matches(RequestIdPattern, failure.RequestId);
            Assert.Contains("不能提交" + component + "相关作业", failure.ServiceMessage);
            Assert.Contains(component + " is not installed on cluster '" + clusterId + "'", failure.Message);
        }

        [Fact]
        public async Task TellsAnUnsynchronizedUserToRunIamUserSync()
        {
            var session = await ConnectAsync(SeedData.UnsyncedUserName, SeedData.UnsyncedPassword);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal("0192", failure.ErrorCode);
            Assert.Equal(MrsErrorKind.PermissionDenied, failure.Kind);
            Assert.Contains("IAM User Sync", failure.Advice);
            Assert.Contains("Overview", failure.Message);
            Assert.Matches(RequestIdPattern, failure.RequestId);
        }

        // BUG: SubmitFailure appends '.' to the service's message, which usually ends with one already.
        [Fact]
        public async Task EndsTheSummaryWithASinglePeriod()
        {
            var session = await ConnectAsync(SeedData.UnsyncedUserName, SeedData.UnsyncedPassword);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.EndsWith("Synchronize IAM users first.", failure.Summary);
        }

        // docs/mrs-api.md, Errors: 'APIGW.0307 / "token expires"': an expiry reported by message alone counts too.
        // A session made from a bare token cannot renew, so the refusal reaches the caller.
        [Fact]
        public async Task RecognisesAnExpiredTokenByTheGatewaysMessage()
        {
            var session = TokenSession(TimeSpan.FromHours(1));
            await QueueFaultAsync(401, "APIGW.0301", "Incorrect IAM authentication information: token expires", "apig");

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal(MrsErrorKind.TokenExpired, failure.Kind);
        }

        [Fact]
        public async Task NamesAClusterThatDoesNotExist()
        {
            var session = await ConnectAsync();

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job(clusterId: "no-such-cluster")));

            Assert.Equal("12000003", failure.ErrorCode);
            Assert.Equal(MrsErrorKind.NotFound, failure.Kind);
            Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
            Assert.Contains("'no-such-cluster' does not exist", failure.Message);
        }

        [Fact]
        public async Task RefusesABadTokenAsAnAuthenticationFailure()
        {
            var session = SessionFactory.FromToken("MIInot-a-real-token", SeedData.CnNorth4ProjectId, null, BaseAddress, null);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal("APIGW.0301", failure.ErrorCode);
            Assert.Equal(MrsErrorKind.Authentication, failure.Kind);
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
            Assert.Contains("Connect-MrsProject", failure.Message);
            Assert.DoesNotContain("MIInot-a-real-token", failure.Message);
            Assert.Matches(RequestIdPattern, failure.RequestId);
        }

        [Fact]
        public async Task RefusesATokenTheServiceSaysHasExpired()
        {
            var issued = await ControlAsync("tokens", new { user = SeedData.UserName, project_id = SeedData.CnNorth4ProjectId, lifetime_seconds = 0 });
            var token = issued.GetProperty("token").GetString()!;
            var session = SessionFactory.FromToken(token, SeedData.CnNorth4ProjectId, null, BaseAddress, null);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal("APIGW.0307", failure.ErrorCode);
            Assert.Equal(MrsErrorKind.TokenExpired, failure.Kind);
            Assert.Equal("MrsApiError.APIGW.0307", failure.ErrorId);
            Assert.DoesNotContain(token, failure.Message);
        }

        [Fact]
        public async Task SendsNothingWhenTheSessionKnowsItsTokenHasExpired()
        {
            var session = SessionFactory.FromToken("MIIexpired", SeedData.CnNorth4ProjectId, null, BaseAddress, null, DateTimeOffset.UtcNow.AddMinutes(-1));

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal(MrsErrorKind.TokenExpired, failure.Kind);
            Assert.Equal("MrsSessionExpired", failure.ErrorId);
            Assert.Empty(Fixture.State.Requests.GetAll());
        }

        [Fact]
        public async Task RefusesATokenScopedToAnotherProject()
        {
            var issued = await ControlAsync("tokens", new { user = SeedData.UserName, project_id = SeedData.CnNorth4ProjectId });
            var session = SessionFactory.FromToken(issued.GetProperty("token").GetString()!, SeedData.ApSoutheast1ProjectId, null, BaseAddress, null);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal("12000001", failure.ErrorCode);
            Assert.Equal(MrsErrorKind.Authentication, failure.Kind);
            Assert.Contains(SeedData.ApSoutheast1ProjectId, failure.Message);
        }

        [Theory]
        [InlineData("job_submit_result", 500, "0173", MrsErrorKind.ServiceError)]
        [InlineData("canonical", 500, "0173", MrsErrorKind.ServiceError)]
        [InlineData("job_submit_result", 400, "0202", MrsErrorKind.Throttled)]
        [InlineData("canonical", 500, "0202", MrsErrorKind.Throttled)]
        [InlineData("apig", 429, "APIGW.0308", MrsErrorKind.Throttled)]
        public async Task ReadsAQueuedFaultInEachShape(string shape, int status, string code, MrsErrorKind kind)
        {
            var session = await ConnectAsync(options: QuickRetries(0));
            await QueueFaultAsync(status, code, "injected " + code, shape);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal(code, failure.ErrorCode);
            Assert.Equal(kind, failure.Kind);
            Assert.Equal((HttpStatusCode)status, failure.StatusCode);
            Assert.Equal("injected " + code, failure.ServiceMessage);
            Assert.Matches(RequestIdPattern, failure.RequestId);
            Assert.Contains("MRS refused MapReduce job 'wordcount' on cluster " + SeedData.FullClusterId + ": " + code, failure.Message);
        }

        [Fact]
        public async Task RetriesASubmissionTheServiceAskedToSendLater()
        {
            var session = await ConnectAsync(options: QuickRetries());
            await QueueFaultAsync(500, "0202", "busy", "job_submit_result");

            var result = await SubmitAsync(session, Job());

            Assert.True(result.Succeeded);
            Assert.Equal(2, Submissions().Count);
        }

        [Fact]
        public async Task GivesUpOnAThrottledSubmissionOnceTheRetriesAreSpent()
        {
            var session = await ConnectAsync(options: QuickRetries(2));
            await QueueFaultAsync(500, "0202", "busy", "job_submit_result", count: 3);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal(RequestOutcome.Throttled, failure.Outcome);
            Assert.Equal(3, Submissions().Count);
        }

        [Fact]
        public async Task TreatsASuccessWithoutAJobIdAsAProtocolFailure()
        {
            var session = await ConnectAsync();
            Fixture.State.Faults.Enqueue(new FaultRule(null, 1, 200, string.Empty, string.Empty, FaultShape.Canonical, null));

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal(MrsErrorKind.Protocol, failure.Kind);
        }

        [Fact]
        public async Task SaysWhichEndpointCannotBeReached()
        {
            var session = SessionFactory.FromToken("MIIx", SeedData.CnNorth4ProjectId, null, ClosedPort.Address(), null);

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

            Assert.Equal(MrsErrorKind.Connection, failure.Kind);
            Assert.Equal("MrsConnection", failure.ErrorId);
            Assert.Null(failure.StatusCode);
        }
    }
}
