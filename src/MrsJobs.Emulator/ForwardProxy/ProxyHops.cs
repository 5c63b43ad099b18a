using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>
/// What the forward proxy counted (one hop per tunnel opened or plain request forwarded, per target
/// <c>host:port</c>; each 407 and 502 it answered), and the Basic credentials it requires, if any.
/// </summary>
public sealed class ProxyHops
{
    private readonly ConcurrentDictionary<string, int> _hops = new(StringComparer.OrdinalIgnoreCase);
    private int _authRefusals;
    private int _unreachable;
    private string? _expectedAuthorization;

    /// <summary>The hops per target <c>host:port</c>, as the client named the target.</summary>
    public IReadOnlyDictionary<string, int> Hops => _hops.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>How many requests were answered 407 (no or wrong <c>Proxy-Authorization</c>).</summary>
    public int AuthRefusals => Volatile.Read(ref _authRefusals);

    /// <summary>How many requests were answered 502 (a target the proxy cannot or may not reach).</summary>
    public int Unreachable => Volatile.Read(ref _unreachable);

    /// <summary>The user whose Basic credentials are required; <see langword="null"/> when none are.</summary>
    public string? RequiredUser { get; private set; }

    /// <summary>Requires Basic <c>Proxy-Authorization</c> with these credentials, or nothing when <paramref name="user"/> is null.</summary>
    public void RequireCredentials(string? user, string? password)
    {
        RequiredUser = string.IsNullOrEmpty(user) ? null : user;
        Volatile.Write(ref _expectedAuthorization, RequiredUser is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary><see langword="true"/> when no credentials are required, or <paramref name="header"/> carries the required ones.</summary>
    public bool Admits(string? header)
    {
        var expected = Volatile.Read(ref _expectedAuthorization);
        return expected is null || string.Equals(header?.Trim(), expected, StringComparison.Ordinal);
    }

    /// <summary>Zeroes the counts (the credential requirement stays).</summary>
    public void Reset()
    {
        _hops.Clear();
        Interlocked.Exchange(ref _authRefusals, 0);
        Interlocked.Exchange(ref _unreachable, 0);
    }

    internal void CountHop(string target) => _hops.AddOrUpdate(target, 1, (_, n) => n + 1);

    internal void CountAuthRefusal() => Interlocked.Increment(ref _authRefusals);

    internal void CountUnreachable() => Interlocked.Increment(ref _unreachable);
}
