using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>POST /_emulator/access-keys</c>, and the seeded keys a reset restores.</summary>
public sealed class AccessKeyControlTests : SignedEmulatorTest
{
    public AccessKeyControlTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task APermanentKeyAddedForAUserSignsItsRequests()
    {
        var added = await SendAsync(HttpMethod.Post, "_emulator/access-keys", "{\"user\":\"demo-user\",\"access_key\":\"NEWACCESSKEY00000001\",\"secret_key\":\"new-sk\"}");

        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), "NEWACCESSKEY00000001", "new-sk");

        Assert.Equal(201, added.Status);
        Assert.False(added.Json.GetProperty("temporary").GetBoolean());
        Assert.Equal(SeedData.DomainId, added.Json.GetProperty("domain_id").GetString());
        Assert.False(added.Json.TryGetProperty("secret_key", out _));
        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task ATemporaryKeyNeedsItsSecurityToken()
    {
        var added = await SendAsync(HttpMethod.Post, "_emulator/access-keys", "{\"user\":\"unsynced-user\",\"access_key\":\"TMPACCESSKEY00000001\",\"secret_key\":\"tmp-sk\",\"security_token\":\"tok-1\"}");

        var without = await SendSignedAsync(HttpMethod.Get, "v3/projects", accessKey: "TMPACCESSKEY00000001", secretKey: "tmp-sk", projectId: null);
        var with = await SendSignedAsync(HttpMethod.Get, "v3/projects", accessKey: "TMPACCESSKEY00000001", secretKey: "tmp-sk", projectId: null, securityToken: "tok-1");

        Assert.True(added.Json.GetProperty("temporary").GetBoolean());
        Assert.Equal(401, without.Status);
        Assert.Equal(200, with.Status);
    }

    [Theory]
    [InlineData("{\"user\":\"demo-user\",\"access_key\":\"A\"}", "user, access_key and secret_key are required")]
    [InlineData("{\"user\":\"nobody\",\"access_key\":\"A\",\"secret_key\":\"S\"}", "No user nobody in account demo-account.")]
    [InlineData("{\"user\":\"demo-user\",\"access_key\":\"A\",\"secret_key\":\"S\",\"temporary\":true}", "A temporary access key needs a security_token.")]
    public async Task IncompleteBodiesGet400(string body, string message)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/access-keys", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("EMULATOR.0400", reply.ErrorCode);
        Assert.StartsWith(message, reply.ErrorMsg);
    }

    [Fact]
    public async Task ResetForgetsAddedKeysAndLocksAndRestoresTheSeededOnes()
    {
        await SendAsync(HttpMethod.Post, "_emulator/access-keys", "{\"user\":\"demo-user\",\"access_key\":\"GONEACCESSKEY0000001\",\"secret_key\":\"x\"}");
        for (var i = 0; i < 5; i++)
        {
            await SendSignedAsync(HttpMethod.Get, "v3/projects", secretKey: "wrong", projectId: null);
        }

        await SendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Null(State.AccessKeys.Find("GONEACCESSKEY0000001"));
        Assert.Equal(200, (await SendSignedAsync(HttpMethod.Get, "v3/projects", projectId: null)).Status);
    }
}
