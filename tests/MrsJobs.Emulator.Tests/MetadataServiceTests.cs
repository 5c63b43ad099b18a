using System;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// The emulated ECS metadata service (Go SDK <c>core/auth/internal/metadata_accessor.go</c>; ECS "Obtaining Metadata"):
/// session tokens, temporary keys that the gateway accepts with their security token and refuses once expired, rotation.
/// </summary>
public sealed class MetadataServiceTests : SignedEmulatorTest
{
    public MetadataServiceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task HandsOutTemporaryKeysThatSignRequestsWithTheirSecurityToken()
    {
        var key = await SecurityKeyAsync();

        var without = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), key.Access, key.Secret);
        var with = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), key.Access, key.Secret, securityToken: key.Token);

        Assert.Equal(401, without.Status);
        Assert.Equal(200, with.Status);
        Assert.True((key.ExpiresAt - DateTimeOffset.UtcNow).TotalMinutes is > 59 and <= 60);
    }

    [Fact]
    public async Task TheGatewayRefusesExpiredTemporaryKeysSayingTheTokenExpired()
    {
        var now = Clock.Freeze();
        await SetAsync("{\"key_lifetime_seconds\":60}");
        var key = await SecurityKeyAsync();
        Clock.Advance(TimeSpan.FromSeconds(60));

        var reply = await SendSignedAsync(HttpMethod.Post, SubmitPath, JobBody(), key.Access, key.Secret, date: now.AddSeconds(60), securityToken: key.Token);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.StartsWith("Incorrect IAM authentication information: token expires, expires_at: ", reply.ErrorMsg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandsOutTheSameKeysUntilTheirRotationWindowThenNewOnesWhileTheOldStayValid()
    {
        var now = Clock.Freeze();
        await SetAsync("{\"key_lifetime_seconds\":60}");
        var first = await SecurityKeyAsync();
        Clock.Advance(TimeSpan.FromSeconds(29));
        var again = await SecurityKeyAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var rotated = await SecurityKeyAsync();

        var old = await SendSignedAsync(HttpMethod.Get, "v3/projects", accessKey: first.Access, secretKey: first.Secret, date: now.AddSeconds(30), projectId: null, securityToken: first.Token);
        var counts = await SendAsync(HttpMethod.Get, "_emulator/metadata");

        Assert.Equal(first.Access, again.Access);
        Assert.NotEqual(first.Access, rotated.Access);
        Assert.NotEqual(first.Token, rotated.Token);
        Assert.Equal(200, old.Status);
        Assert.Equal(3, counts.Json.GetProperty("security_key_requests").GetInt32());
        Assert.Equal(2, counts.Json.GetProperty("keys_issued").GetInt32());
    }

    [Fact]
    public async Task GivesASessionTokenForTheAskedLifetimeAndRefusesAWrongOne()
    {
        var noLifetime = await SendAsync(HttpMethod.Put, "meta-data/latest/api/token", contentType: null);
        var token = await MetadataAsync(HttpMethod.Put, "meta-data/latest/api/token", ("X-Metadata-Token-Ttl-Seconds", "60"));
        var good = await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey", ("X-Metadata-Token", token.Text));
        var wrong = await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey", ("X-Metadata-Token", "not-a-token"));

        Assert.Equal(400, noLifetime.Status);
        Assert.Equal(200, token.Status);
        Assert.Equal(200, good.Status);
        Assert.Equal(401, wrong.Status);
        Assert.DoesNotContain(MetadataAgency, wrong.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiresASessionTokenWhenSetToAndAnswers404ToTokenRequestsWhenItHasNone()
    {
        await SetAsync("{\"require_session_token\":true}");
        var without = await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey");
        await SetAsync("{\"require_session_token\":false,\"tokens_supported\":false}");
        var tokenRequest = await MetadataAsync(HttpMethod.Put, "meta-data/latest/api/token", ("X-Metadata-Token-Ttl-Seconds", "60"));
        var keys = await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey");

        Assert.Equal(401, without.Status);
        Assert.Equal(404, tokenRequest.Status);
        Assert.Equal(200, keys.Status);
    }

    [Fact]
    public async Task SaysAVmWithoutAnAgencyMustBeGivenOne()
    {
        await SetAsync("{\"failure\":\"no_agency\"}");

        var reply = await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey");

        Assert.Equal(401, reply.Status);
        Assert.Contains(MetadataAgency, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribesTheVmsProjectAndAvailabilityZone()
    {
        var reply = await MetadataAsync(HttpMethod.Get, "openstack/latest/meta_data.json");

        Assert.Equal(200, reply.Status);
        Assert.Equal(SeedData.CnNorth4ProjectId, reply.Json.GetProperty("project_id").GetString());
        Assert.Equal("cn-north-4a", reply.Json.GetProperty("availability_zone").GetString());
    }

    [Fact]
    public async Task AResetForgetsTheSettingsAndCounts()
    {
        await SetAsync("{\"key_lifetime_seconds\":5,\"failure\":\"server_error\"}");
        await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey");

        await SendAsync(HttpMethod.Post, "_emulator/reset");
        var view = await SendAsync(HttpMethod.Get, "_emulator/metadata");

        Assert.Equal(3600, view.Json.GetProperty("key_lifetime_seconds").GetDouble());
        Assert.Equal("none", view.Json.GetProperty("failure").GetString());
        Assert.Equal(0, view.Json.GetProperty("security_key_requests").GetInt32());
    }

    private const string MetadataAgency = "Please configure Cloud Service Agency first";

    private async Task SetAsync(string body) => Assert.Equal(200, (await SendAsync(HttpMethod.Put, "_emulator/metadata", body)).Status);

    private async Task<(string Access, string Secret, string Token, DateTimeOffset ExpiresAt)> SecurityKeyAsync()
    {
        var reply = await MetadataAsync(HttpMethod.Get, "openstack/latest/securitykey");
        Assert.Equal(200, reply.Status);
        var credential = reply.Json.GetProperty("credential");
        return (credential.GetProperty("access").GetString()!, credential.GetProperty("secret").GetString()!, credential.GetProperty("securitytoken").GetString()!,
            DateTimeOffset.Parse(credential.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<Reply> MetadataAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Fixture.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }
}
