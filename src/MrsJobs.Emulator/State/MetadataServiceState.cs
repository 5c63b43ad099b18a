using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace MrsJobs.Emulator.State;

/// <summary>
/// The emulated ECS/BMS metadata service: its settings, its session tokens, and the agency's temporary keys.
/// As documented for the real service, a key pair is handed out until it comes within its rotation window of
/// expiry (10 minutes, or half the life of short-lived keys), then a new pair is issued; the old one stays valid
/// until it expires. Issued pairs go into the <see cref="AccessKeyStore"/> with their expiry, so the gateway checks
/// their security token and refuses them once expired. Thread-safe.
/// </summary>
public sealed class MetadataServiceState
{
    /// <summary>The longest rotation window.</summary>
    public static readonly TimeSpan LongestRotationWindow = TimeSpan.FromMinutes(10);

    /// <summary>The longest session token lifetime one may ask for (6 hours).</summary>
    public const int LongestSessionTokenSeconds = 21600;

    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly Dictionary<string, DateTimeOffset> sessionTokens = new(StringComparer.Ordinal);
    private MetadataSettings settings = MetadataSettings.Default;
    private EmulatorAccessKey? current;
    private int sessionTokenRequests;
    private int securityKeyRequests;
    private int keysIssued;
    private int instanceRequests;

    internal MetadataServiceState(TimeProvider time) => this.time = time;

    /// <summary>The service's behaviour; a change applies to the next request.</summary>
    public MetadataSettings Settings
    {
        get
        {
            lock (gate)
            {
                return settings;
            }
        }

        set
        {
            lock (gate)
            {
                settings = value ?? throw new ArgumentNullException(nameof(value));
            }
        }
    }

    /// <summary>What the service has been asked since the last reset.</summary>
    public MetadataCounts Counts
    {
        get
        {
            lock (gate)
            {
                return new MetadataCounts(sessionTokenRequests, securityKeyRequests, keysIssued, instanceRequests);
            }
        }
    }

    /// <summary>Issues a session token for <c>X-Metadata-Token</c>, valid for <paramref name="lifetime"/>.</summary>
    public string IssueSessionToken(TimeSpan lifetime)
    {
        lock (gate)
        {
            sessionTokenRequests++;
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            sessionTokens[token] = time.GetUtcNow() + lifetime;
            return token;
        }
    }

    /// <summary>Counts a session token request that was refused.</summary>
    public void CountRefusedSessionTokenRequest()
    {
        lock (gate)
        {
            sessionTokenRequests++;
        }
    }

    /// <summary>Tells whether <paramref name="token"/> is a live session token.</summary>
    public bool IsLiveSessionToken(string token)
    {
        lock (gate)
        {
            return sessionTokens.TryGetValue(token, out var expiry) && time.GetUtcNow() < expiry;
        }
    }

    /// <summary>Counts a <c>meta_data.json</c> request.</summary>
    public void CountInstanceRequest()
    {
        lock (gate)
        {
            instanceRequests++;
        }
    }

    /// <summary>Counts a <c>securitykey</c> request that was refused before any key was handed out.</summary>
    public void CountRefusedSecurityKeyRequest()
    {
        lock (gate)
        {
            securityKeyRequests++;
        }
    }

    /// <summary>The agency's current key pair, issued anew (and stored in <paramref name="keys"/>) when none is left or the current one is due for rotation.</summary>
    /// <param name="keys">Where the gateway looks keys up.</param>
    /// <param name="user">The user the keys act as.</param>
    /// <returns>The pair to hand out.</returns>
    public EmulatorAccessKey HandOutKey(AccessKeyStore keys, EmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (gate)
        {
            securityKeyRequests++;
            var now = time.GetUtcNow();
            var lifetime = settings.KeyLifetime;
            var window = TimeSpan.FromTicks(Math.Min(LongestRotationWindow.Ticks, lifetime.Ticks / 2));
            if (current is null || current.User != user || now >= current.ExpiresAt!.Value - window)
            {
                now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
                current = new EmulatorAccessKey(NewText("TMP", 20).ToUpperInvariant(), NewText(string.Empty, 40), NewText("gQ", 120), user, now + lifetime);
                keys.Put(current);
                keysIssued++;
            }

            return current;
        }
    }

    internal void Reset()
    {
        lock (gate)
        {
            settings = MetadataSettings.Default;
            current = null;
            sessionTokens.Clear();
            sessionTokenRequests = securityKeyRequests = keysIssued = instanceRequests = 0;
        }
    }

    private static string NewText(string prefix, int length)
    {
        var text = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
        return text.Substring(0, length);
    }
}
