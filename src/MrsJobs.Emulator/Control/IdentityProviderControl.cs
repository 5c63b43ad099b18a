using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Iam;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>Body of <c>POST /_emulator/idp</c>: <c>user</c> defaults to demo-user, <c>domain</c> to demo-account.</summary>
internal sealed record IdentityProviderBody(string? Id, string? Issuer, string? ClientId, string? User, string? Domain, double? TokenLifetimeSeconds);

/// <summary>An item of <c>GET /_emulator/idp</c>.</summary>
internal sealed record IdentityProviderView(string Id, string Issuer, string ClientId, string User, double? TokenLifetimeSeconds, int Exchanges, int Refusals, string? LastTokenId);

/// <summary>
/// Body of <c>POST /_emulator/idp/tokens</c>: an unsigned ID token of a registered provider, living
/// <c>lifetime_seconds</c> (negative for one already expired); <c>issuer</c> and <c>audience</c> override the provider's.
/// </summary>
internal sealed record IdTokenBody(string? IdpId, double? LifetimeSeconds, string? Subject, string? TokenId, string? Issuer, string? Audience);

/// <summary>Reply of <c>POST /_emulator/idp/tokens</c>.</summary>
internal sealed record IdTokenView(string IdToken, string TokenId, string ExpiresAt);

/// <summary><c>/_emulator/idp</c>: registers identity providers for ID-token federation, lists them with their exchange counts, and mints ID tokens.</summary>
internal static class IdentityProviderControl
{
    public static IResult List(EmulatorState state) => ControlJson.Ok(state.IdentityProviders.GetAll().Select(e => new IdentityProviderView(
        e.Provider.Id, e.Provider.Issuer, e.Provider.ClientId, e.Provider.User.Name, e.Provider.TokenLifetime?.TotalSeconds, e.Counts.Exchanges, e.Counts.Refusals, e.Counts.LastTokenId)));

    public static async Task<IResult> PutAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<IdentityProviderBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.Id) || string.IsNullOrEmpty(body.Issuer) || string.IsNullOrEmpty(body.ClientId) || body.TokenLifetimeSeconds is <= 0)
        {
            return ControlJson.BadRequest("id, issuer and client_id are required; token_lifetime_seconds, when given, must be positive.");
        }

        var domain = state.Identity.FindDomain(body.Domain ?? SeedData.DomainName, null);
        var user = domain is null ? null : state.Identity.FindUser(domain.Id, body.User ?? SeedData.UserName);
        if (user is null)
        {
            return ControlJson.BadRequest($"No user {body.User ?? SeedData.UserName} in account {body.Domain ?? SeedData.DomainName}.");
        }

        var lifetime = body.TokenLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        state.IdentityProviders.Put(new EmulatorIdentityProvider(body.Id, body.Issuer, body.ClientId, user, lifetime));
        return ControlJson.Ok(new IdentityProviderView(body.Id, body.Issuer, body.ClientId, user.Name, lifetime?.TotalSeconds, 0, 0, null), StatusCodes.Status201Created);
    }

    public static async Task<IResult> MintAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<IdTokenBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        var provider = body.IdpId is null ? null : state.IdentityProviders.Find(body.IdpId);
        if (provider is null)
        {
            return ControlJson.BadRequest($"No identity provider {body.IdpId}: register it with POST /_emulator/idp first.");
        }

        var now = state.Time.GetUtcNow();
        var expires = now + TimeSpan.FromSeconds(body.LifetimeSeconds ?? 3600);
        var tokenId = body.TokenId ?? Guid.NewGuid().ToString("N");
        var payload = new JsonObject
        {
            ["iss"] = body.Issuer ?? provider.Issuer,
            ["aud"] = body.Audience ?? provider.ClientId,
            ["sub"] = body.Subject ?? "federated-user",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["jti"] = tokenId,
        };
        var token = Part(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }) + "." + Part(payload) + ".";
        return ControlJson.Ok(new IdTokenView(token, tokenId, IamTime.Format(expires)), StatusCodes.Status201Created);
    }

    private static string Part(JsonObject json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
