using System;
using System.Linq;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Auth;

/// <summary>docs/mrs-api.md: tokens live 24 h, "cache and refresh before expires_at"; APIGW.0307 "refresh and retry once".</summary>
public class TokenRenewalTests : EmulatorTest
{
    public TokenRenewalTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task RenewsAPasswordSessionsTokenAndSendsOnceMoreWhenTheGatewaySaysItExpired()
    {
        var session = await ConnectAsync();
        var firstExpiry = session.ExpiresAt;
        await QueueFaultAsync(401, "APIGW.0307", "The token expires.", "apig");

        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal(new[] { 401, 200 }, Submissions().Select(r => r.Status));
        Assert.Equal(2, TokenRequests());
        Assert.NotEqual(firstExpiry, session.ExpiresAt);
    }

    [Fact]
    public async Task SendsOnlyOnceMoreWhenTheRenewedTokenIsRefusedToo()
    {
        var session = await ConnectAsync();
        await QueueFaultAsync(401, "APIGW.0307", "The token expires.", "apig");
        await QueueFaultAsync(401, "APIGW.0307", "The token expires.", "apig");

        var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

        Assert.Equal(MrsErrorKind.TokenExpired, failure.Kind);
        Assert.Equal(2, Submissions().Count);
        Assert.Equal(2, TokenRequests());
    }

    // docs/mrs-api.md: APIGW.0301 "bad or expired token … re-authenticate once if it holds credentials".
    [Fact]
    public async Task SignsInAgainOnceWhenTheGatewayRefusesTheToken()
    {
        var session = await ConnectAsync();
        await QueueFaultAsync(401, "APIGW.0301", "Incorrect IAM authentication information: decrypt token fail", "apig");

        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal(new[] { 401, 200 }, Submissions().Select(r => r.Status));
        Assert.Equal(2, TokenRequests());
    }

    [Fact]
    public async Task ReportsTheSignInRefusalWhenThePasswordNoLongerWorks()
    {
        var session = await ConnectAsync();
        await ControlAsync("users", new { domain = SeedData.DomainName, name = SeedData.UserName, password = "Changed-Passw0rd!" });
        await QueueFaultAsync(401, "APIGW.0307", "The token expires.", "apig");

        var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

        Assert.Equal("IamAuthenticationFailed", failure.ErrorId);
        Assert.Single(Submissions());
    }

    [Fact]
    public async Task SaysTheSessionWasDisconnectedWhenItsSecretsAreGone()
    {
        var session = await ConnectAsync();
        session.Forget();

        var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

        Assert.Equal("MrsSessionDisconnected", failure.ErrorId);
        Assert.Empty(Submissions());
    }

    [Fact]
    public async Task RenewsBeforeSendingWhenTheTokenIsCloseToItsExpiry()
    {
        Fixture.State.Settings.TokenLifetime = TimeSpan.FromSeconds(2);
        var session = await ConnectAsync();
        Fixture.State.Settings.TokenLifetime = TimeSpan.FromHours(24);
        await Task.Delay(TimeSpan.FromSeconds(1.9));

        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal(new[] { 200 }, Submissions().Select(r => r.Status));
        Assert.Equal(2, TokenRequests());
        Assert.True(session.ExpiresAt > DateTimeOffset.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task TellsABareTokenSessionThatItCannotRenewAndNamesTheExpiry()
    {
        var session = TokenSession(TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);

        var failure = await Assert.ThrowsAsync<MrsApiException>(() => SubmitAsync(session, Job()));

        Assert.Equal("MrsSessionExpired", failure.ErrorId);
        Assert.Contains($"expired at {session.ExpiresAt:u}", failure.Message);
        Assert.Contains("cannot renew itself", failure.Message);
        Assert.Empty(Submissions());
    }

    private int TokenRequests() => Fixture.State.Requests.GetAll().Count(r => r.Path == "/v3/auth/tokens");
}
