using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using MrsJobs.Core.Auth.Metadata;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Regions;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Auth;

/// <summary>
/// Sessions on the VM agency's temporary keys, against the emulated metadata service (Go SDK
/// <c>metadata_accessor.go</c>, <c>basic_icredential.go</c>: renew when less than 60 s are left).
/// </summary>
public class MetadataSessionTests : EmulatorTest
{
    public MetadataSessionTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private MetadataSettings Settings
    {
        get => Fixture.State.Metadata.Settings;
        set => Fixture.State.Metadata.Settings = value;
    }

    private int KeyRequests => Fixture.State.Metadata.Counts.SecurityKeyRequests;

    [Fact]
    public async Task SignsWithTheVmsTemporaryKeysInTheVmsProjectAndRegion()
    {
        var session = await ConnectAsync(Explicit());

        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal(AuthMethod.Metadata, session.AuthMethod);
        Assert.Equal(SeedData.CnNorth4ProjectId, session.ProjectId);
        Assert.Equal("cn-north-4", session.Region);
        Assert.True(session.CanRenew);
        Assert.InRange((session.ExpiresAt!.Value - DateTimeOffset.UtcNow).TotalMinutes, 59, 60);
        Assert.Equal($"temporary access keys from the instance metadata service {BaseAddress.ToString().TrimEnd('/')}", session.CredentialSource);
        var submission = Assert.Single(Submissions());
        Assert.False(string.IsNullOrEmpty(submission.Headers["X-Security-Token"]));
    }

    [Fact]
    public async Task LooksUpTheRegionsProjectWhenTheMetadataServiceNamesNone()
    {
        Settings = Settings with { ProjectId = string.Empty };

        var session = await ConnectAsync(Explicit());

        Assert.Equal(SeedData.CnNorth4ProjectId, session.ProjectId);
        Assert.Contains(Fixture.State.Requests.GetAll(), r => r.Path == "/v3/projects" && r.Status == 200);
    }

    [Fact]
    public async Task AsksForNewKeysOnlyInTheLastMinuteBeforeTheyExpire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var session = await ConnectAsync(Explicit(), new SessionOptions { Clock = clock });

        clock.Advance(TimeSpan.FromSeconds(3535));
        await SubmitAsync(session, Job());
        var beforeTheLastMinute = KeyRequests;
        clock.Advance(TimeSpan.FromSeconds(10));
        await SubmitAsync(session, Job());

        Assert.Equal(1, beforeTheLastMinute);
        Assert.Equal(2, KeyRequests);
    }

    [Fact]
    public async Task RenewsShortLivedKeysWhenAQuarterOfTheirLifeIsLeft()
    {
        Settings = Settings with { KeyLifetime = TimeSpan.FromSeconds(40) };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var session = await ConnectAsync(Explicit(), new SessionOptions { Clock = clock });

        clock.Advance(TimeSpan.FromSeconds(28));
        await SubmitAsync(session, Job());
        var early = KeyRequests;
        clock.Advance(TimeSpan.FromSeconds(3));
        await SubmitAsync(session, Job());

        Assert.Equal(1, early);
        Assert.Equal(2, KeyRequests);
    }

    [Fact]
    public async Task ParallelRequestsShareOneRenewal()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var session = await ConnectAsync(Explicit(), new SessionOptions { Clock = clock });
        clock.Advance(TimeSpan.FromSeconds(3550));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => SubmitAsync(session, Job(jobName: "parallel-" + i)))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(2, KeyRequests);
    }

    [Fact]
    public async Task AsksForKeysAgainAndSendsOnceMoreWhenTheGatewayRefusesTheSignature()
    {
        var session = await ConnectAsync(Explicit());
        await QueueFaultAsync(401, "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail", "apig");

        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal(new[] { 401, 200 }, Submissions().Select(r => r.Status));
        Assert.Equal(2, KeyRequests);
    }

    [Fact]
    public async Task KeepsSigningWithValidKeysWhenARenewalFailsAndStopsOnceTheyExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var session = await ConnectAsync(Explicit(), new SessionOptions { Clock = clock, Retry = RetryPolicy.None });
        Settings = Settings with { Failure = MetadataFailure.ServerError };
        clock.Advance(TimeSpan.FromSeconds(3550));

        var whileValid = await SubmitAsync(session, Job());
        clock.Advance(TimeSpan.FromSeconds(60));
        var afterExpiry = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

        Assert.True(whileValid.Succeeded);
        Assert.Equal(ErrorIds.MetadataRefused, afterExpiry.ErrorId);
        Assert.Equal(RequestOutcome.NotSent, afterExpiry.Outcome);
        Assert.StartsWith("POST ", afterExpiry.Message, StringComparison.Ordinal);
        Assert.Contains("was not sent", afterExpiry.Message, StringComparison.Ordinal);
        Assert.Single(Submissions());
    }

    [Fact]
    public async Task WithoutAMetadataServiceTheImplicitStepSaysNothingWasFoundAtOnce()
    {
        var closed = ClosedPort.Address();
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CredentialsException>(() => ConnectAsync(new MetadataCredentials(closed, new[] { "profile file /home/x/.huaweicloud/credentials (not found)" }, null, null, null)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(CredentialsProblem.NotFound, error.Problem);
        Assert.Contains($"profile file /home/x/.huaweicloud/credentials (not found); instance metadata service {closed.ToString().TrimEnd('/')} (cannot connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivesUpOnASilentMetadataServiceWithinTheSdksThreeSeconds()
    {
        Settings = Settings with { Failure = MetadataFailure.Silent };
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MetadataServiceException>(() => ConnectAsync(Explicit()));

        Assert.InRange(watch.Elapsed.TotalSeconds, 2.5, 5);
        Assert.Equal(ErrorIds.MetadataUnavailable, error.ErrorId);
        Assert.Equal(MrsErrorKind.Timeout, error.Kind);
        Assert.Equal("no answer within 3 s", error.Reason);
    }

    [Fact]
    public async Task TellsToGiveTheVmAnAgencyWhenItHasNone()
    {
        Settings = Settings with { Failure = MetadataFailure.NoAgency };

        var error = await Assert.ThrowsAsync<MetadataServiceException>(() => ConnectAsync(Explicit()));

        Assert.Equal(ErrorIds.MetadataRefused, error.ErrorId);
        Assert.Contains("HTTP 401: Please configure Cloud Service Agency first", error.Message, StringComparison.Ordinal);
        Assert.Contains("agency", error.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsksForASessionTokenFirstAndSendsItWithEveryMetadataRequest()
    {
        Settings = Settings with { RequireSessionToken = true };

        await ConnectAsync(Explicit());

        var metadata = Fixture.State.Requests.GetAll().Where(r => !r.Path.StartsWith("/v", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "/meta-data/latest/api/token", "/openstack/latest/securitykey", "/openstack/latest/meta_data.json" }, metadata.Select(r => r.Path));
        Assert.Equal("21600", metadata[0].Headers["X-Metadata-Token-Ttl-Seconds"]);
        Assert.All(metadata.Skip(1), r => Assert.False(string.IsNullOrEmpty(r.Headers["X-Metadata-Token"])));
    }

    [Fact]
    public async Task AsksWithoutASessionTokenWhenTheServiceHasNone()
    {
        Settings = Settings with { TokensSupported = false };

        var session = await ConnectAsync(Explicit());

        Assert.Equal(AuthMethod.Metadata, session.AuthMethod);
        Assert.DoesNotContain(Fixture.State.Requests.GetAll(), r => r.Headers.ContainsKey("X-Metadata-Token"));
    }

    [Fact]
    public async Task TracesNoKeyOrToken()
    {
        var trace = new CollectingTraceSink();
        var session = await ConnectAsync(Explicit(), trace: trace);
        await session.Jobs.SubmitJobAsync(Job(), new CallContext(trace, CancellationToken.None));

        var all = Fixture.State.Requests.GetAll();
        var access = all.Last().Headers["Authorization"].Split(new[] { "Access=", "," }, StringSplitOptions.None)[1];
        var key = Fixture.State.AccessKeys.Find(access)!;
        Assert.Contains("openstack/latest/securitykey", trace.Text, StringComparison.Ordinal);
        Assert.Contains("holding temporary keys, not shown", trace.Text, StringComparison.Ordinal);
        foreach (var secret in new[] { key.AccessKey, key.SecretKey, key.SecurityToken! })
        {
            Assert.DoesNotContain(secret, trace.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WarnsAboutTheVmsRegionWhenNoTableKnowsIt()
    {
        Settings = Settings with { AvailabilityZone = "cn-nort-4a" };
        var warnings = new List<string>();

        var session = await MetadataSessionFactory.ConnectAsync(
            Explicit(), EndpointQuery.ForCredentials(null, null, null, Explicit()), new CallContext(null, CancellationToken.None, warn: warnings.Add), UserAgent);

        Assert.Equal("cn-nort-4", session.Region);
        Assert.Equal(new Uri("https://mrs.cn-nort-4.myhuaweicloud.com/"), session.Endpoint);
        Assert.Contains("'cn-nort-4' is not in the SDKs' MRS region table; the nearest known region is cn-north-4", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsTheEndpointsOfTheVmsRegionWithTheChainItIsGiven()
    {
        using var chain = new ChainFixture().Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", BaseAddress.ToString());
        var trace = new CollectingTraceSink();

        var session = await MetadataSessionFactory.ConnectAsync(
            Explicit(), EndpointQuery.ForCredentials(null, null, null, Explicit()), new CallContext(trace, CancellationToken.None), UserAgent, new SessionOptions { EndpointChain = chain.Chain() });
        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal("cn-north-4", session.Region);
        Assert.Equal("Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4)", session.EndpointSource);
        Assert.Contains($"MRS endpoint {BaseAddress} from Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4).", trace.Lines);
    }

    [Fact]
    public async Task ADisconnectedSessionSendsNothing()
    {
        var session = await ConnectAsync(Explicit());
        session.Forget();

        var error = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

        Assert.Equal(ErrorIds.SessionDisconnected, error.ErrorId);
        Assert.Empty(Submissions());
    }

    private MetadataCredentials Explicit() => new(BaseAddress, null, null, null, BaseAddress);

    private Task<MrsSession> ConnectAsync(MetadataCredentials credentials, SessionOptions? options = null, IHttpTraceSink? trace = null) =>
        MetadataSessionFactory.ConnectAsync(credentials, EndpointQuery.ForCredentials(null, BaseAddress, null, credentials), new CallContext(trace, CancellationToken.None), UserAgent, options);
}
