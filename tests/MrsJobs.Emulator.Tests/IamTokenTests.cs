using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>POST /v3/auth/tokens</c>.</summary>
public sealed class IamTokenTests : EmulatorTest
{
    private const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$";

    public IamTokenTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ARightPasswordGets201WithTheTokenInXSubjectTokenAndTheProjectInTheBody()
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest());

        Assert.Equal(201, reply.Status);
        var tokenText = reply.Header("X-Subject-Token");
        Assert.NotNull(tokenText);
        Assert.StartsWith("MII", tokenText);
        Assert.True(tokenText!.Length > 500);
        var token = reply.Json.GetProperty("token");
        Assert.Equal(SeedData.CnNorth4ProjectId, token.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(SeedData.CnNorth4ProjectName, token.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal(SeedData.DomainId, token.GetProperty("project").GetProperty("domain").GetProperty("id").GetString());
        Assert.Equal(SeedData.UserName, token.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(SeedData.UserId, token.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(SeedData.DomainName, token.GetProperty("user").GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal("password", token.GetProperty("methods")[0].GetString());
        Assert.Equal(0, token.GetProperty("catalog").GetArrayLength());
        Assert.Matches(TimestampPattern, token.GetProperty("expires_at").GetString());
        Assert.Matches(TimestampPattern, token.GetProperty("issued_at").GetString());
        Assert.Matches("^[0-9a-f]{32}$", reply.Header("X-Request-Id"));
    }

    [Fact]
    public async Task TheTokenExpiresTwentyFourHoursAfterItIsIssuedByDefault()
    {
        var token = (await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest())).Json.GetProperty("token");

        var issued = System.DateTimeOffset.Parse(token.GetProperty("issued_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expires = System.DateTimeOffset.Parse(token.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(System.TimeSpan.FromHours(24), expires - issued);
    }

    [Fact]
    public async Task NocatalogTrueIsAcceptedAndLeavesTheCatalogOut()
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens?nocatalog=true", TokenRequest());

        Assert.Equal(201, reply.Status);
        Assert.False(reply.Json.GetProperty("token").TryGetProperty("catalog", out _));
    }

    [Fact]
    public async Task AProjectCanBeNamedByItsId()
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest(projectId: SeedData.ApSoutheast1ProjectId));

        Assert.Equal(201, reply.Status);
        Assert.Equal(SeedData.ApSoutheast1ProjectName, reply.Json.GetProperty("token").GetProperty("project").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(SeedData.UserName, "wrong-password", SeedData.DomainName)]
    [InlineData("nobody", SeedData.Password, SeedData.DomainName)]
    [InlineData(SeedData.UserName, SeedData.Password, "other-account")]
    public async Task AWrongUserPasswordOrAccountGets401WithIamsErrorShape(string user, string password, string domain)
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest(user, password, domain));

        reply.AssertIamError(401, "Unauthorized", "The username or password is wrong.");
        Assert.Null(reply.Header("X-Subject-Token"));
    }

    [Fact]
    public async Task AnUnknownProjectNameGets400NamingTheProject()
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest(projectName: "cn-north-99"));

        Assert.Equal(400, reply.Status);
        Assert.Equal(400, reply.Json.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Bad Request", reply.Json.GetProperty("error").GetProperty("title").GetString());
        Assert.Contains("cn-north-99", reply.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUnknownProjectIdGets400NamingTheProject()
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest(projectId: "ffffffffffffffffffffffffffffffff"));

        Assert.Equal(400, reply.Status);
        Assert.Contains("ffffffffffffffffffffffffffffffff", reply.Json.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"auth\":{}}")]
    [InlineData("{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}")]
    [InlineData("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo-user\",\"domain\":{\"name\":\"demo-account\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}")]
    [InlineData("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo-user\",\"password\":\"Demo-Passw0rd!\",\"domain\":{\"name\":\"demo-account\"}}}}}}")]
    public async Task AMalformedBodyOrAMissingFieldGets400WithIamsErrorShape(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(400, reply.Json.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Bad Request", reply.Json.GetProperty("error").GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task TheTokenLifetimeSettingShortensNewTokens()
    {
        State.Settings.TokenLifetime = System.TimeSpan.FromSeconds(90);

        var token = (await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest())).Json.GetProperty("token");

        var issued = System.DateTimeOffset.Parse(token.GetProperty("issued_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expires = System.DateTimeOffset.Parse(token.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(System.TimeSpan.FromSeconds(90), expires - issued);
    }

    [Fact]
    public void TimestampsCarrySixFractionDigitsAndAZ()
    {
        Assert.Equal("2020-01-04T09:05:22.701000Z", Iam.IamTime.Format(new System.DateTimeOffset(2020, 1, 4, 9, 5, 22, 701, System.TimeSpan.Zero)));
        Assert.Matches(new Regex(TimestampPattern), Iam.IamTime.Format(System.DateTimeOffset.UtcNow));
    }
}
