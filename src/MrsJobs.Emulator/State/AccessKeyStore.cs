using System;
using System.Collections.Generic;

namespace MrsJobs.Emulator.State;

/// <summary>
/// Access keys, and the gateway's lockout: <see cref="FailuresBeforeLock"/> bad signatures in a row for one
/// AK lock it for <see cref="LockDuration"/>; a good signature clears the count. Thread-safe.
/// </summary>
public sealed class AccessKeyStore
{
    /// <summary>How many bad signatures in a row lock an AK.</summary>
    public const int FailuresBeforeLock = 5;

    /// <summary>How long a locked AK stays locked.</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);

    private readonly object gate = new();
    private readonly Dictionary<string, EmulatorAccessKey> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> lockedUntil = new(StringComparer.Ordinal);

    internal AccessKeyStore()
    {
    }

    /// <summary>Adds a key pair, or replaces the pair with the same AK (its failure count and lock are cleared).</summary>
    /// <param name="key">The key pair.</param>
    public void Put(EmulatorAccessKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            keys[key.AccessKey] = key;
            failures.Remove(key.AccessKey);
            lockedUntil.Remove(key.AccessKey);
        }
    }

    /// <summary>Finds a key pair by AK.</summary>
    /// <param name="accessKey">The AK.</param>
    /// <returns>The pair, or <see langword="null"/>.</returns>
    public EmulatorAccessKey? Find(string accessKey)
    {
        lock (gate)
        {
            return keys.TryGetValue(accessKey, out var key) ? key : null;
        }
    }

    /// <summary>Tells whether an AK is locked at <paramref name="now"/>.</summary>
    /// <param name="accessKey">The AK.</param>
    /// <param name="now">The emulator's time.</param>
    /// <returns><see langword="true"/> while the lock lasts.</returns>
    public bool IsLocked(string accessKey, DateTimeOffset now)
    {
        lock (gate)
        {
            return lockedUntil.TryGetValue(accessKey, out var until) && now < until;
        }
    }

    /// <summary>Counts a bad signature; the <see cref="FailuresBeforeLock"/>th in a row locks the AK.</summary>
    /// <param name="accessKey">The AK.</param>
    /// <param name="now">The emulator's time.</param>
    public void RecordFailure(string accessKey, DateTimeOffset now)
    {
        lock (gate)
        {
            var count = (failures.TryGetValue(accessKey, out var earlier) ? earlier : 0) + 1;
            if (count >= FailuresBeforeLock)
            {
                lockedUntil[accessKey] = now + LockDuration;
                count = 0;
            }

            failures[accessKey] = count;
        }
    }

    /// <summary>Clears the failure count of an AK after a good signature.</summary>
    /// <param name="accessKey">The AK.</param>
    public void RecordSuccess(string accessKey)
    {
        lock (gate)
        {
            failures.Remove(accessKey);
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            keys.Clear();
            failures.Clear();
            lockedUntil.Clear();
        }
    }
}
