using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>AK/SK signatures in front of the MRS endpoints, seen through job submission.</summary>
public sealed class SubmitAkSkTests : SignedEmulatorTest
{
    public SubmitAkSkTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ASignedSubmissionWithTheSeededKeyIsAcceptedAsItsUser()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody());

        Assert.Equal(200, reply.Status);
        Assert.Equal(SeedData.UserName, Assert.Single(State.Jobs.GetAll()).User);
    }

    [Fact]
    public async Task ATemporaryKeyIsAcceptedWithItsSecurityToken()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), SeedData.TemporaryAccessKey, SeedData.TemporarySecretKey, securityToken: SeedData.SecurityToken);

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-token")]
    public async Task ATemporaryKeyWithoutTheRightSecurityTokenGets401(string? token)
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), SeedData.TemporaryAccessKey, SeedData.TemporarySecretKey, securityToken: token);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.StartsWith(SignatureFail, reply.ErrorMsg);
        Assert.Contains("security token", reply.ErrorMsg);
    }

    [Fact]
    public async Task AWrongSecretKeyGetsTheGatewaysVerifyAkskSignatureFail()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), secretKey: "not-the-secret");

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.Equal(SignatureFail, reply.ErrorMsg);
        Assert.Equal(reply.Header("X-Request-Id"), reply.Json.GetProperty("request_id").GetString());
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task ABodyChangedAfterSigningIsRefused()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), tamper: r => r.Content = new StringContent(JobBody(jobName: "other"), Encoding.UTF8, "application/json"));

        Assert.Equal(401, reply.Status);
        Assert.Equal(SignatureFail, reply.ErrorMsg);
    }

    [Fact]
    public async Task AnUnknownAccessKeyGetsGetSecretKeyFailed()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), accessKey: "NOSUCHACCESSKEY00001");

        Assert.Equal(401, reply.Status);
        Assert.Equal("Incorrect IAM authentication information: Get secretKey failed,ak:NOSUCHACCESSKEY00001,err:ak not exist", reply.ErrorMsg);
    }

    [Theory]
    [InlineData("x-sdk-date", "x-project-id")]
    [InlineData("host", "x-project-id")]
    public async Task HostAndDateMustBeSigned(params string[] signedHeaders)
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), signedHeaders: signedHeaders);

        Assert.Equal(401, reply.Status);
        Assert.Equal(SignatureFail, reply.ErrorMsg);
    }

    [Fact]
    public async Task ASignatureOlderThanFifteenMinutesHasExpired()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), date: DateTimeOffset.UtcNow.AddMinutes(-16));

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.StartsWith("Incorrect IAM authentication information: signature expired, signature time:", reply.ErrorMsg);
    }

    [Fact]
    public async Task AClockFourteenMinutesAheadIsStillAccepted()
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), date: DateTimeOffset.UtcNow.AddMinutes(14));

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData(SeedData.ApSoutheast1ProjectId)]
    [InlineData(null)]
    public async Task XProjectIdMustBeTheUrlsProject(string? projectId)
    {
        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), projectId: projectId);

        Assert.Equal(403, reply.Status);
        Assert.Equal("12000001", reply.ErrorCode);
        Assert.Contains("X-Project-Id", reply.ErrorMsg);
    }

    [Fact]
    public async Task AProjectOfAnotherAccountIsRefused()
    {
        await SendAsync(HttpMethod.Post, "_emulator/users", "{\"domain\":\"other-account\",\"name\":\"bob\",\"password\":\"pw\"}");
        await SendAsync(HttpMethod.Post, "_emulator/access-keys", "{\"domain\":\"other-account\",\"user\":\"bob\",\"access_key\":\"BOBACCESSKEY00000001\",\"secret_key\":\"bob-sk\"}");

        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), "BOBACCESSKEY00000001", "bob-sk");

        Assert.Equal(403, reply.Status);
        Assert.Contains("does not belong", reply.ErrorMsg);
    }

    [Fact]
    public async Task FiveBadSignaturesInARowLockTheKey()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignatureFail, (await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), secretKey: "wrong")).ErrorMsg);
        }

        var locked = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody());

        Assert.Equal(401, locked.Status);
        Assert.Equal("APIGW.0301", locked.ErrorCode);
        Assert.Equal("Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.", locked.ErrorMsg);
        Assert.Equal(200, (await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), SeedData.TemporaryAccessKey, SeedData.TemporarySecretKey, securityToken: SeedData.SecurityToken)).Status);
    }

    [Fact]
    public async Task AGoodSignatureClearsTheCountOfBadOnes()
    {
        for (var i = 0; i < 4; i++)
        {
            await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), secretKey: "wrong");
        }

        Assert.Equal(200, (await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody())).Status);
        await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), secretKey: "wrong");

        Assert.Equal(200, (await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody())).Status);
    }

    [Fact]
    public async Task AnXAuthTokenStillWorksBesideSignatures()
    {
        var reply = await SubmitAsync(JobBody());

        Assert.Equal(200, reply.Status);
        Assert.Single(State.Jobs.GetAll(), j => j.User == SeedData.UserName);
    }
}
