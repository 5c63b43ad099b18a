using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using MrsJobs.Core.Auth.Federation;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Auth;

/// <summary>
/// Sessions from an OpenID Connect ID token (Go SDK <c>iam_service.go</c> <c>/v3.0/OS-AUTH/id-token/tokens</c>,
/// <c>basic_icredential.go</c> <c>getIdToken</c>: the file is read at every exchange; renew when less than 60 s are left).
/// </summary>
public sealed class IdTokenSessionTests : EmulatorTest, IDisposable
{
    private const string IdpId = "corp-oidc";
    private readonly IdTokenProvider provider;

    public IdTokenSessionTests(EmulatorFixture fixture)
        : base(fixture)
    {
        provider = new IdTokenProvider(fixture, IdpId, ControlAsync);
    }

    private IdentityProviderCounts Counts => Fixture.State.IdentityProviders.GetAll().Single().Counts;

    [Fact]
    public async Task ExchangesTheIdTokenForAProjectTokenAndSendsItAsXAuthToken()
    {
        await provider.WriteTokenAsync("jti-1");

        var session = await ConnectAsync(Credentials(SeedData.CnNorth4ProjectId));
        var result = await SubmitAsync(session, Job());

        Assert.True(result.Succeeded);
        Assert.Equal(AuthMethod.IdToken, session.AuthMethod);
        Assert.Equal(SeedData.CnNorth4ProjectId, session.ProjectId);
        Assert.True(session.CanRenew);
        Assert.Equal($"ID token file {provider.TokenFile} of identity provider {IdpId} from parameters -IdpId/-IdTokenFile", session.CredentialSource);
        var exchange = Fixture.State.Requests.GetAll().First();
        Assert.Equal("/v3.0/OS-AUTH/id-token/tokens", exchange.Path);
        Assert.Equal(IdpId, exchange.Headers["X-Idp-Id"]);
        using var body = JsonDocument.Parse(exchange.Body);
        Assert.Equal(SeedData.CnNorth4ProjectId, body.RootElement.GetProperty("auth").GetProperty("scope").GetProperty("project").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(Assert.Single(Submissions()).Headers["X-Auth-Token"]));
    }

    [Fact]
    public async Task ScopesToTheProjectNamedLikeTheRegionWhenNoProjectIdIsGiven()
    {
        await provider.WriteTokenAsync("jti-1");

        var session = await IdTokenSessionFactory.ConnectAsync(Credentials(null), EndpointQuery.ForCredentials("cn-north-4", BaseAddress, null, Credentials(null)), CallContext.None, UserAgent);

        Assert.Equal(SeedData.CnNorth4ProjectId, session.ProjectId);
        Assert.Equal(SeedData.CnNorth4ProjectName, session.ProjectName);
    }

    [Fact]
    public async Task ReadsTheFileAgainAtEachRenewalSoARotatedTokenIsUsed()
    {
        Fixture.State.Settings.TokenLifetime = TimeSpan.FromHours(1);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await provider.WriteTokenAsync("jti-1");
        var session = await ConnectAsync(Credentials(SeedData.CnNorth4ProjectId), new SessionOptions { Clock = clock });
        await provider.WriteTokenAsync("jti-2");

        clock.Advance(TimeSpan.FromSeconds(3535));
        await SubmitAsync(session, Job());
        var beforeTheLastMinute = Counts;
        clock.Advance(TimeSpan.FromSeconds(10));
        await SubmitAsync(session, Job());

        Assert.Equal(1, beforeTheLastMinute.Exchanges);
        Assert.Equal("jti-1", beforeTheLastMinute.LastTokenId);
        Assert.Equal(2, Counts.Exchanges);
        Assert.Equal("jti-2", Counts.LastTokenId);
    }

    [Fact]
    public async Task SaysIamRefusedAnExpiredIdTokenWithoutShowingIt()
    {
        var idToken = await provider.WriteTokenAsync("jti-1", lifetimeSeconds: -5);
        var trace = new CollectingTraceSink();

        var error = await Assert.ThrowsAsync<MrsApiException>(() => ConnectAsync(Credentials(SeedData.CnNorth4ProjectId), trace: trace));

        Assert.Equal(ErrorIds.IamAuthenticationFailed, error.ErrorId);
        Assert.Contains("The ID token has expired", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"id_token\":{\"id\":\"[redacted]\"}", trace.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(idToken, error.ToString() + trace.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(idToken.Split('.')[1], error.ToString() + trace.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhichFileIsMissing()
    {
        var error = await Assert.ThrowsAsync<CredentialsException>(() => ConnectAsync(Credentials(SeedData.CnNorth4ProjectId)));

        Assert.Equal(CredentialsProblem.UnreadableFile, error.Problem);
        Assert.Equal(provider.TokenFile, error.FilePath);
        Assert.Equal($"ID token file '{provider.TokenFile}' could not be read: it does not exist.", error.Message);
        Assert.Empty(Fixture.State.Requests.GetAll());
    }

    [Fact]
    public async Task SaysWhenTheFileIsEmpty()
    {
        await File.WriteAllTextAsync(provider.TokenFile, "\n");

        var error = await Assert.ThrowsAsync<CredentialsException>(() => ConnectAsync(Credentials(SeedData.CnNorth4ProjectId)));

        Assert.Equal(CredentialsProblem.InvalidValue, error.Problem);
    }

    [Fact]
    public async Task SaysWhenIamDoesNotKnowTheIdentityProvider()
    {
        await provider.WriteTokenAsync("jti-1");

        var error = await Assert.ThrowsAsync<MrsApiException>(() => ConnectAsync(new IdTokenCredentials(
            "other-idp", provider.TokenFile, SeedData.CnNorth4ProjectId, null, BaseAddress, CredentialSourceKind.Explicit, "parameters -IdpId/-IdTokenFile")));

        Assert.Equal(ErrorIds.IamAuthenticationFailed, error.ErrorId);
        Assert.Contains("identity provider 'other-idp' (HTTP 404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysIamDidNotFindTheProjectRatherThanThatItRefusedTheIdToken()
    {
        await provider.WriteTokenAsync("jti-1");

        var error = await Assert.ThrowsAsync<MrsApiException>(() => ConnectAsync(Credentials("00000000000000000000000000000000")));

        Assert.Equal(ErrorIds.IamProjectNotFound, error.ErrorId);
        Assert.Equal(MrsErrorKind.NotFound, error.Kind);
        Assert.StartsWith($"IAM did not find project '00000000000000000000000000000000' for the federated user of identity provider '{IdpId}'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => provider.Dispose();

    private IdTokenCredentials Credentials(string? projectId) => provider.Credentials(projectId, BaseAddress);

    private Task<MrsSession> ConnectAsync(IdTokenCredentials credentials, SessionOptions? options = null, IHttpTraceSink? trace = null) =>
        IdTokenSessionFactory.ConnectAsync(credentials, EndpointQuery.ForCredentials(null, BaseAddress, null, credentials), new CallContext(trace, CancellationToken.None), UserAgent, options);
}
