using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Http;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Auth.Signing;

/// <summary>The client's <see cref="AkSkAuthenticator"/> against the emulator's independent verifier, over the real pipeline.</summary>
public sealed class AkSkEmulatorTests : EmulatorTest
{
    public AkSkEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ASignedSubmissionWithAUnicodeBodyIsAccepted()
    {
        using var credentials = new AkSkCredentials(SeedData.AccessKey, Secure(SeedData.SecretKey));
        var body = "{\"job_type\":\"SparkSubmit\",\"job_name\":\"pi\",\"properties\":{\"spark.app.name\":\"作业 ünï 😀\"}}";

        var reply = await Pipeline(new AkSkAuthenticator(credentials, SeedData.CnNorth4ProjectId)).SendAsync(HttpMethod.Post, Submit(), body, CallContext.None);

        Assert.True(reply.IsSuccess, reply.Body);
        Assert.Equal(SeedData.UserName, Assert.Single(Fixture.State.Jobs.GetAll()).User);
    }

    [Fact]
    public async Task ATemporaryKeySignsWithItsSecurityToken()
    {
        using var credentials = new AkSkCredentials(SeedData.TemporaryAccessKey, Secure(SeedData.TemporarySecretKey), SeedData.SecurityToken);

        var reply = await Pipeline(new AkSkAuthenticator(credentials, SeedData.CnNorth4ProjectId)).SendAsync(HttpMethod.Post, Submit(), "{\"job_type\":\"MapReduce\",\"job_name\":\"t\"}", CallContext.None);

        Assert.True(reply.IsSuccess, reply.Body);
    }

    [Fact]
    public async Task TheProjectLookupIsSignedWithoutAProjectAndAnOddQueryVerifies()
    {
        using var credentials = new AkSkCredentials(SeedData.AccessKey, Secure(SeedData.SecretKey));
        var uri = new Uri(BaseAddress, "v3/projects?name=cn-north-4&x=a%20b%2Bc&x=~&y=%C3%A9");

        var reply = await Pipeline(new AkSkAuthenticator(credentials)).SendAsync(HttpMethod.Get, uri, null, CallContext.None);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains(SeedData.CnNorth4ProjectId, reply.Body);
    }

    [Fact]
    public async Task AClockTwentyMinutesSlowGetsSignatureExpired()
    {
        using var credentials = new AkSkCredentials(SeedData.AccessKey, Secure(SeedData.SecretKey));
        var authenticator = new AkSkAuthenticator(credentials, SeedData.CnNorth4ProjectId, () => DateTimeOffset.UtcNow.AddMinutes(-20));

        var reply = await Pipeline(authenticator).SendAsync(HttpMethod.Post, Submit(), "{\"job_type\":\"MapReduce\",\"job_name\":\"t\"}", CallContext.None);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Contains("signature expired", reply.Body);
    }

    [Fact]
    public async Task AWrongSecretKeyIsRefused()
    {
        using var credentials = new AkSkCredentials(SeedData.AccessKey, Secure("not-the-secret"));

        var reply = await Pipeline(new AkSkAuthenticator(credentials, SeedData.CnNorth4ProjectId)).SendAsync(HttpMethod.Post, Submit(), "{}", CallContext.None);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Contains("verify aksk signature fail", reply.Body);
    }

    private static MrsHttpPipeline Pipeline(IRequestAuthenticator authenticator) => new(authenticator, UserAgent);

    private Uri Submit() => new(BaseAddress, $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions");
}
