using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET</c> and <c>HEAD /v3/auth/tokens</c>: validating a token (KeystoneValidateToken).</summary>
public sealed class IamTokenCheckTests : EmulatorTest
{
    public IamTokenCheckTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task AUserValidatingTheirOwnTokenGets200WithTheTokenBodyAndTheSubjectEchoed()
    {
        var token = await LoginAsync();

        var reply = await CheckAsync(token, token);

        Assert.Equal(200, reply.Status);
        Assert.Equal(token, reply.Header("X-Subject-Token"));
        var body = reply.Json.GetProperty("token");
        Assert.Equal(SeedData.CnNorth4ProjectId, body.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(SeedData.UserId, body.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(SeedData.DomainId, body.GetProperty("user").GetProperty("domain").GetProperty("id").GetString());
        Assert.Equal("password", body.GetProperty("methods")[0].GetString());
        Assert.Equal(0, body.GetProperty("catalog").GetArrayLength());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", body.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task TheBodyMatchesTheOneTheTokenWasIssuedWith()
    {
        var issued = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest());
        var token = issued.Header("X-Subject-Token")!;

        var reply = await CheckAsync(token, token);

        Assert.Equal(issued.Text, reply.Text);
    }

    [Fact]
    public async Task AnotherTokenOfTheSameUserForAnotherProjectIsValidatedToo()
    {
        var caller = await LoginAsync();
        var subject = await LoginAsync(project: SeedData.ApSoutheast1ProjectName);

        var reply = await CheckAsync(caller, subject);

        Assert.Equal(200, reply.Status);
        Assert.Equal(subject, reply.Header("X-Subject-Token"));
        Assert.Equal(SeedData.ApSoutheast1ProjectName, reply.Json.GetProperty("token").GetProperty("project").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("false")]
    public async Task AnyNonEmptyNocatalogLeavesTheCatalogOut(string value)
    {
        var token = await LoginAsync();

        var reply = await CheckAsync(token, token, $"?nocatalog={value}");

        Assert.Equal(200, reply.Status);
        Assert.False(reply.Json.GetProperty("token").TryGetProperty("catalog", out _));
    }

    [Fact]
    public async Task AnEmptyNocatalogKeepsTheCatalog()
    {
        var token = await LoginAsync();

        var reply = await CheckAsync(token, token, "?nocatalog=");

        Assert.Equal(0, reply.Json.GetProperty("token").GetProperty("catalog").GetArrayLength());
    }

    [Fact]
    public async Task AnExpiredSubjectTokenGets404WithIamsErrorShape()
    {
        var caller = await LoginAsync();
        var expired = await IssueAsync(SeedData.UserName, lifetimeSeconds: 0);

        var reply = await CheckAsync(caller, expired);

        AssertInvalidSubject(reply);
    }

    [Fact]
    public async Task ASubjectTokenThatExpiresWhileTheCallerLivesGets404()
    {
        Clock.Freeze();
        var caller = await IssueAsync(SeedData.UserName, lifetimeSeconds: 3600);
        var subject = await IssueAsync(SeedData.UserName, lifetimeSeconds: 60);
        Assert.Equal(200, (await CheckAsync(caller, subject)).Status);

        Clock.Advance(System.TimeSpan.FromSeconds(60));

        AssertInvalidSubject(await CheckAsync(caller, subject));
    }

    [Theory]
    [InlineData("MIInot-a-token-the-emulator-issued")]
    [InlineData(null)]
    public async Task AnUnknownOrMissingSubjectTokenGets404(string? subject)
    {
        var caller = await LoginAsync();

        var reply = await CheckAsync(caller, subject);

        AssertInvalidSubject(reply);
    }

    [Fact]
    public async Task AnotherUsersTokenGets403EvenInTheSameAccount()
    {
        await SendAsync(HttpMethod.Post, "_emulator/users", $"{{\"domain\":\"{SeedData.DomainName}\",\"name\":\"other-user\",\"password\":\"Other-Passw0rd!\"}}");
        var caller = await LoginAsync();
        var other = await IssueAsync("other-user", lifetimeSeconds: 600);

        var reply = await CheckAsync(caller, other);

        reply.AssertIamError(403, "Forbidden", "You are not authorized to perform the requested action.");
        Assert.Null(reply.Header("X-Subject-Token"));
    }

    [Fact]
    public async Task AnotherUsersExpiredTokenGets404BeforeThePermissionIsChecked()
    {
        await SendAsync(HttpMethod.Post, "_emulator/users", $"{{\"domain\":\"{SeedData.DomainName}\",\"name\":\"other-user\",\"password\":\"Other-Passw0rd!\"}}");
        var caller = await LoginAsync();
        var other = await IssueAsync("other-user", lifetimeSeconds: 0);

        AssertInvalidSubject(await CheckAsync(caller, other));
    }

    [Theory]
    [InlineData(null, "Incorrect IAM authentication information: x-auth-token not found")]
    [InlineData("MIIunknown", "Incorrect IAM authentication information: decrypt token fail")]
    public async Task AMissingOrUnknownCallerTokenGets401FromTheGateway(string? caller, string message)
    {
        var subject = await LoginAsync();

        var reply = await CheckAsync(caller, subject);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.Equal(message, reply.ErrorMsg);
        Assert.Null(reply.Header("X-Subject-Token"));
    }

    [Fact]
    public async Task AnExpiredCallerTokenGets401EvenForItself()
    {
        var expired = await IssueAsync(SeedData.UserName, lifetimeSeconds: 0);

        var reply = await CheckAsync(expired, expired);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0307", reply.ErrorCode);
    }

    [Fact]
    public async Task HeadAnswers200WithTheSubjectEchoedAndNoBody()
    {
        var token = await LoginAsync();

        var reply = await CheckAsync(token, token, method: HttpMethod.Head);

        Assert.Equal(200, reply.Status);
        Assert.Equal(token, reply.Header("X-Subject-Token"));
        Assert.Equal(string.Empty, reply.Text);
    }

    [Fact]
    public async Task HeadAnswersTheSameRefusalsWithoutABody()
    {
        var caller = await LoginAsync();

        var unknown = await CheckAsync(caller, "MIIunknown", method: HttpMethod.Head);
        var noCaller = await CheckAsync(null, caller, method: HttpMethod.Head);

        Assert.Equal(404, unknown.Status);
        Assert.Equal(string.Empty, unknown.Text);
        Assert.Equal(401, noCaller.Status);
        Assert.Equal(string.Empty, noCaller.Text);
    }

    [Fact]
    public async Task TheCheckIsRecordedWithBothTokenHeadersAndItsStatus()
    {
        var token = await LoginAsync();
        State.Requests.Clear();

        await CheckAsync(token, "MIIunknown", "?nocatalog=true");

        var recorded = Assert.Single(State.Requests.GetAll());
        Assert.Equal("GET", recorded.Method);
        Assert.Equal("/v3/auth/tokens", recorded.Path);
        Assert.Equal("nocatalog=true", recorded.Query);
        Assert.Equal(token, recorded.Headers["X-Auth-Token"]);
        Assert.Equal("MIIunknown", recorded.Headers["X-Subject-Token"]);
        Assert.Equal(404, recorded.Status);
    }

    private static void AssertInvalidSubject(Reply reply)
    {
        reply.AssertIamError(404, "Not Found", "X-Subject-Token is invalid in the request");
        Assert.Null(reply.Header("X-Subject-Token"));
    }

    private async Task<string> IssueAsync(string user, int lifetimeSeconds)
    {
        var reply = await SendAsync(
            HttpMethod.Post,
            "_emulator/tokens",
            $"{{\"user\":\"{user}\",\"domain\":\"{SeedData.DomainName}\",\"project_id\":\"{SeedData.CnNorth4ProjectId}\",\"lifetime_seconds\":{lifetimeSeconds}}}");
        Assert.Equal(201, reply.Status);
        return reply.Json.GetProperty("token").GetString()!;
    }

    private async Task<Reply> CheckAsync(string? caller, string? subject, string query = "", HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, "v3/auth/tokens" + query);
        if (caller is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", caller);
        }

        if (subject is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Subject-Token", subject);
        }

        using var response = await Fixture.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }
}
