using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>An identity provider of the OpenID Connect kind, as IAM knows it, with the user its tokens map to.</summary>
/// <param name="Id">The identity provider id (<c>X-Idp-Id</c>).</param>
/// <param name="Issuer">The <c>iss</c> its ID tokens must carry.</param>
/// <param name="ClientId">The <c>aud</c> its ID tokens must carry (the client id registered with IAM).</param>
/// <param name="User">The IAM user a federated user acts as (the identity conversion rules, simplified).</param>
/// <param name="TokenLifetime">How long the tokens IAM issues for it live; <see langword="null"/> for the token-lifetime setting.</param>
public sealed record EmulatorIdentityProvider(string Id, string Issuer, string ClientId, EmulatorUser User, TimeSpan? TokenLifetime);

/// <summary>What one identity provider's exchanges came to.</summary>
/// <param name="Exchanges">ID tokens exchanged for IAM tokens.</param>
/// <param name="Refusals">ID tokens refused (expired, wrong issuer or audience, malformed).</param>
/// <param name="LastTokenId">The <c>jti</c> of the last ID token exchanged, so a test can tell a rotated token was read.</param>
public sealed record IdentityProviderCounts(int Exchanges, int Refusals, string? LastTokenId);

/// <summary>Registered identity providers and their exchange counts. Thread-safe.</summary>
public sealed class IdentityProviderStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, EmulatorIdentityProvider> providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdentityProviderCounts> counts = new(StringComparer.Ordinal);

    internal IdentityProviderStore()
    {
    }

    /// <summary>Adds a provider, or replaces the one with the same id (its counts start again).</summary>
    public void Put(EmulatorIdentityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (gate)
        {
            providers[provider.Id] = provider;
            counts[provider.Id] = new IdentityProviderCounts(0, 0, null);
        }
    }

    /// <summary>Finds a provider by id.</summary>
    public EmulatorIdentityProvider? Find(string id)
    {
        lock (gate)
        {
            return providers.TryGetValue(id, out var provider) ? provider : null;
        }
    }

    /// <summary>Every provider with its counts.</summary>
    public IReadOnlyList<(EmulatorIdentityProvider Provider, IdentityProviderCounts Counts)> GetAll()
    {
        lock (gate)
        {
            return providers.Values.Select(p => (p, counts[p.Id])).ToArray();
        }
    }

    /// <summary>Counts an exchange of the ID token with this <c>jti</c>.</summary>
    public void RecordExchange(string id, string? tokenId) => Update(id, c => c with { Exchanges = c.Exchanges + 1, LastTokenId = tokenId });

    /// <summary>Counts a refused ID token.</summary>
    public void RecordRefusal(string id) => Update(id, c => c with { Refusals = c.Refusals + 1 });

    internal void Clear()
    {
        lock (gate)
        {
            providers.Clear();
            counts.Clear();
        }
    }

    private void Update(string id, Func<IdentityProviderCounts, IdentityProviderCounts> change)
    {
        lock (gate)
        {
            if (counts.TryGetValue(id, out var current))
            {
                counts[id] = change(current);
            }
        }
    }
}
