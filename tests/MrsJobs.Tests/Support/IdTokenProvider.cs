using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using MrsJobs.Core.Credentials;
using MrsJobs.Emulator.State;

namespace MrsJobs.Tests.Support;

/// <summary>
/// What an ID-token sign-in needs from the emulator: an identity provider registered for the demo user, and a file
/// that holds the ID tokens it mints (deleted with this object).
/// </summary>
internal sealed class IdTokenProvider : IDisposable
{
    private readonly Func<string, object, Task<JsonElement>> _control;

    /// <summary>Registers <paramref name="idpId"/>; <paramref name="control"/> posts to the emulator's control API (<see cref="EmulatorTest"/>'s).</summary>
    public IdTokenProvider(EmulatorFixture fixture, string idpId, Func<string, object, Task<JsonElement>> control)
    {
        IdpId = idpId;
        _control = control;
        fixture.State.IdentityProviders.Put(new EmulatorIdentityProvider(
            idpId, "https://login.example.com", "mrs-client", fixture.State.Identity.FindUser(SeedData.DomainId, SeedData.UserName)!, null));
    }

    /// <summary>The identity provider's id.</summary>
    public string IdpId { get; }

    /// <summary>The ID token file.</summary>
    public string TokenFile { get; } = Path.Combine(Path.GetTempPath(), "mrsjobs-idtoken-" + Guid.NewGuid().ToString("N"));

    /// <summary>The credentials <c>-IdpId -IdTokenFile</c> give, with IAM at <paramref name="iamEndpoint"/>.</summary>
    public IdTokenCredentials Credentials(string? projectId, Uri iamEndpoint) =>
        new(IdpId, TokenFile, projectId, null, iamEndpoint, CredentialSourceKind.Explicit, "parameters -IdpId/-IdTokenFile");

    /// <summary>Mints an ID token as the provider would and writes it into the file, with a final newline as files have; returns it.</summary>
    public async Task<string> WriteTokenAsync(string tokenId, int lifetimeSeconds = 3600)
    {
        var minted = await _control("idp/tokens", new { idp_id = IdpId, token_id = tokenId, lifetime_seconds = lifetimeSeconds });
        var idToken = minted.GetProperty("id_token").GetString()!;
        await File.WriteAllTextAsync(TokenFile, idToken + "\n");
        return idToken;
    }

    /// <summary>Deletes the file.</summary>
    public void Dispose() => File.Delete(TokenFile);
}
