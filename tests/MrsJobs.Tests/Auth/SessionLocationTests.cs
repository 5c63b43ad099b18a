using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Regions;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Auth;

/// <summary>
/// Every session factory finds its endpoints with the chain its options carry (<see cref="EndpointChain.Locate"/>), for
/// the region it knows, and tells the call: the unknown-region warning to its warning sink, each endpoint's source to
/// -Verbose. The chains here are made up: no test reads this machine's environment or regions file.
/// </summary>
public sealed class SessionLocationTests : EmulatorTest, IDisposable
{
    private readonly ChainFixture chain = new();
    private readonly ConcurrentQueue<string> warnings = new();
    private readonly CollectingTraceSink trace = new();

    public SessionLocationTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private CallContext Context => new(trace, CancellationToken.None, warn: warnings.Enqueue);

    [Fact]
    public async Task ATokenSessionWarnsThroughTheCallAboutARegionNoTableKnows()
    {
        var token = Fixture.State.Identity.IssueToken(
            Fixture.State.Identity.FindUser(SeedData.DomainId, SeedData.UserName)!,
            Fixture.State.Identity.FindProject(SeedData.DomainId, SeedData.CnNorth4ProjectName, null)!,
            TimeSpan.FromHours(1));

        var session = await SessionFactory.ConnectWithTokenAsync(token.Token, null, "cn-nort-4", null, BaseAddress, Context, UserAgent);

        var warning = Assert.Single(warnings);
        Assert.Contains("'cn-nort-4' is not in the SDKs' MRS region table; the nearest known region is cn-north-4", warning, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://mrs.cn-nort-4.myhuaweicloud.com/"), session.Endpoint);
        Assert.Contains("MRS endpoint https://mrs.cn-nort-4.myhuaweicloud.com/ from Guessed (cn-nort-4 is not in the SDKs' MRS table).", trace.Lines);
        Assert.Contains($"IAM endpoint {BaseAddress} from Parameter (-IamEndpoint).", trace.Lines);
    }

    [Fact]
    public async Task APasswordSessionFindsItsEndpointsWithTheChainItIsGiven()
    {
        chain.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", BaseAddress.ToString()).Set("HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4", BaseAddress.ToString());
        var signIn = new PasswordSignIn(SeedData.UserName, Secure(SeedData.Password), SeedData.DomainName) { Region = "cn-north-4" };

        var session = await SessionFactory.ConnectWithPasswordAsync(signIn, Context, UserAgent, new SessionOptions { EndpointChain = chain.Chain() });

        Assert.Equal(BaseAddress, session.Endpoint);
        Assert.Equal("Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4)", session.EndpointSource);
        Assert.Equal("Environment (HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4)", session.IamEndpointSource);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task AnAccessKeySessionFindsItsEndpointsWithTheChainItIsGiven()
    {
        chain.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", BaseAddress.ToString());
        var keys = new AccessKeyCredentials(
            Secure(SeedData.AccessKey), Secure(SeedData.SecretKey), null, SeedData.CnNorth4ProjectId, null, BaseAddress, CredentialSourceKind.Explicit, "test");

        var session = await SessionFactory.ConnectWithAccessKeyAsync(
            keys, EndpointQuery.ForCredentials("cn-north-4", null, null, keys), Context, UserAgent, new SessionOptions { EndpointChain = chain.Chain() });
        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal("Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4)", session.EndpointSource);
        Assert.Contains($"MRS endpoint {BaseAddress} from Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4).", trace.Lines);
    }

    [Fact]
    public async Task APasswordSignInWithoutRegionOrProjectSaysWhatToGive()
    {
        var signIn = new PasswordSignIn(SeedData.UserName, Secure(SeedData.Password), SeedData.DomainName) { Endpoint = BaseAddress, IamEndpoint = BaseAddress };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => SessionFactory.ConnectWithPasswordAsync(signIn, Context, UserAgent));

        Assert.Equal("Give -Region (for example cn-north-4), -ProjectName or -ProjectId.", failure.Message);
        Assert.Empty(Fixture.State.Requests.GetAll());
    }

    public void Dispose() => chain.Dispose();
}
