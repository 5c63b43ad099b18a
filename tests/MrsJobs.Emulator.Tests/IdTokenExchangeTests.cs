using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// <c>POST /v3.0/OS-AUTH/id-token/tokens</c> (IAM "Obtaining a Token with an OpenID Connect ID Token"; Go SDK
/// <c>core/auth/internal/iam_service.go</c>): the identity provider's ID token for a project-scoped token.
/// </summary>
public sealed class IdTokenExchangeTests : EmulatorTest
{
    private const string IdpId = "corp-oidc";
    private const string Issuer = "https://login.example.com";
    private const string ClientId = "mrs-client";

    public IdTokenExchangeTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ExchangesAGoodIdTokenForAProjectScopedTokenThatMrsAccepts()
    {
        await RegisterAsync();
        var idToken = await MintAsync("{\"lifetime_seconds\":300,\"token_id\":\"jti-1\"}");

        var reply = await ExchangeAsync(IdpId, idToken, "{\"id\":\"" + SeedData.CnNorth4ProjectId + "\"}");
        var submitted = await SubmitAsync(JobBody(), token: reply.Header("X-Subject-Token"));
        var providers = await SendAsync(HttpMethod.Get, "_emulator/idp");

        Assert.Equal(201, reply.Status);
        Assert.Equal("mapped", reply.Json.GetProperty("token").GetProperty("methods")[0].GetString());
        Assert.Equal(SeedData.CnNorth4ProjectId, reply.Json.GetProperty("token").GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(200, submitted.Status);
        Assert.Equal(1, providers.Json[0].GetProperty("exchanges").GetInt32());
        Assert.Equal("jti-1", providers.Json[0].GetProperty("last_token_id").GetString());
    }

    [Fact]
    public async Task ScopesByProjectNameAndGivesTheProvidersTokenLifetime()
    {
        await RegisterAsync(",\"token_lifetime_seconds\":120");
        var idToken = await MintAsync("{}");

        var reply = await ExchangeAsync(IdpId, idToken, "{\"name\":\"" + SeedData.ApSoutheast1ProjectName + "\"}");

        var token = reply.Json.GetProperty("token");
        var life = DateTimeOffset.Parse(token.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(token.GetProperty("issued_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SeedData.ApSoutheast1ProjectId, token.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(TimeSpan.FromSeconds(120), life);
    }

    [Theory]
    [InlineData("{\"lifetime_seconds\":-1}", "The ID token has expired")]
    [InlineData("{\"issuer\":\"https://evil.example.com\"}", "The ID token was not issued by the issuer of identity provider corp-oidc.")]
    [InlineData("{\"audience\":\"other-client\"}", "The ID token's audience does not include the client id of identity provider corp-oidc.")]
    public async Task RefusesAnIdTokenTheProviderWouldNot(string mint, string message)
    {
        await RegisterAsync();
        var idToken = await MintAsync(mint);

        var reply = await ExchangeAsync(IdpId, idToken, "{\"id\":\"" + SeedData.CnNorth4ProjectId + "\"}");
        var providers = await SendAsync(HttpMethod.Get, "_emulator/idp");

        Assert.Equal(401, reply.Status);
        Assert.StartsWith(message, reply.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, providers.Json[0].GetProperty("refusals").GetInt32());
        Assert.Equal(0, providers.Json[0].GetProperty("exchanges").GetInt32());
    }

    [Fact]
    public async Task RefusesWhatIsNotAJwt()
    {
        await RegisterAsync();

        var reply = await ExchangeAsync(IdpId, "not.a-jwt", "{\"id\":\"" + SeedData.CnNorth4ProjectId + "\"}");

        Assert.Equal(401, reply.Status);
    }

    [Fact]
    public async Task AnswersAnUnknownProviderWith404AndAMissingHeaderWith400()
    {
        await RegisterAsync();
        var idToken = await MintAsync("{}");

        var unknown = await ExchangeAsync("no-such-idp", idToken, "{\"id\":\"" + SeedData.CnNorth4ProjectId + "\"}");
        var missing = await ExchangeAsync(null, idToken, "{\"id\":\"" + SeedData.CnNorth4ProjectId + "\"}");

        unknown.AssertIamError(404, "Not Found", "The identity provider no-such-idp does not exist.");
        missing.AssertIamError(400, "Bad Request", "The X-Idp-Id header is required.");
    }

    [Fact]
    public async Task AnswersAnUnknownProjectWith404AsThePageDocumentsIt()
    {
        await RegisterAsync();
        var idToken = await MintAsync("{}");

        var reply = await ExchangeAsync(IdpId, idToken, "{\"id\":\"00000000000000000000000000000000\"}");

        reply.AssertIamError(404, "Not Found", "Could not find project: 00000000000000000000000000000000.");
    }

    private async Task RegisterAsync(string extra = "")
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/idp", $"{{\"id\":\"{IdpId}\",\"issuer\":\"{Issuer}\",\"client_id\":\"{ClientId}\"{extra}}}");
        Assert.Equal(201, reply.Status);
    }

    private async Task<string> MintAsync(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/idp/tokens", body.Insert(1, $"\"idp_id\":\"{IdpId}\"" + (body == "{}" ? string.Empty : ",")));
        Assert.Equal(201, reply.Status);
        return reply.Json.GetProperty("id_token").GetString()!;
    }

    private async Task<Reply> ExchangeAsync(string? idpId, string idToken, string project)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3.0/OS-AUTH/id-token/tokens")
        {
            Content = new StringContent($"{{\"auth\":{{\"id_token\":{{\"id\":\"{idToken}\"}},\"scope\":{{\"project\":{project}}}}}}}", Encoding.UTF8, "application/json"),
        };
        if (idpId is not null)
        {
            request.Headers.Add("X-Idp-Id", idpId);
        }

        using var response = await Fixture.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }
}
