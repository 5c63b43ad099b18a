using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET /v3/projects?name=…</c> signed with AK/SK, without <c>X-Project-Id</c>, as the SDKs look a project id up.</summary>
public sealed class IamProjectsAkSkTests : SignedEmulatorTest
{
    public IamProjectsAkSkTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ASignedLookupFindsTheProjectOfTheKeysAccount()
    {
        var reply = await SendSignedAsync(HttpMethod.Get, "v3/projects?name=cn-north-4", projectId: null);

        Assert.Equal(200, reply.Status);
        var project = Assert.Single(reply.Json.GetProperty("projects").EnumerateArray());
        Assert.Equal(SeedData.CnNorth4ProjectId, project.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnOddQueryIsSignedAndVerifiedInCanonicalForm()
    {
        var reply = await SendSignedAsync(HttpMethod.Get, "v3/projects?name=ap-southeast-1&zz=a%20b%2Bc&aa=%C3%A9&aa=~x&flag", projectId: null);

        Assert.Equal(200, reply.Status);
        Assert.Single(reply.Json.GetProperty("projects").EnumerateArray());
    }

    [Fact]
    public async Task ATemporaryKeyLooksUpWithItsSecurityToken()
    {
        var reply = await SendSignedAsync(HttpMethod.Get, "v3/projects?name=cn-north-4", accessKey: SeedData.TemporaryAccessKey, secretKey: SeedData.TemporarySecretKey, projectId: null, securityToken: SeedData.SecurityToken);

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task ABadSignatureGetsApigw0301()
    {
        var reply = await SendSignedAsync(HttpMethod.Get, "v3/projects?name=cn-north-4", secretKey: "wrong", projectId: null);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.Equal(SignatureFail, reply.ErrorMsg);
    }

    [Fact]
    public async Task AQueryChangedAfterSigningIsRefused()
    {
        var reply = await SendSignedAsync(HttpMethod.Get, "v3/projects?name=cn-north-4", projectId: null, tamper: r => r.RequestUri = new System.Uri(r.RequestUri!, "?name=ap-southeast-1"));

        Assert.Equal(401, reply.Status);
    }
}
