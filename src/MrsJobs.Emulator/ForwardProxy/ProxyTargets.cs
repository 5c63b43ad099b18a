using System;
using System.Net;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>
/// Where the forward proxy may connect: this machine only. Names under <c>proxy-test.invalid</c> (which
/// resolve nowhere else) and <c>localhost</c> mean 127.0.0.1; a loopback address means itself;
/// anything else is refused, so the proxy never sends traffic off the machine.
/// </summary>
internal static class ProxyTargets
{
    /// <summary>The made-up domain whose names the proxy maps to this machine.</summary>
    public const string TestDomain = "proxy-test.invalid";

    /// <summary>The address for <paramref name="host"/>, or <see langword="null"/> when the proxy will not reach it.</summary>
    public static IPAddress? Resolve(string host)
    {
        var name = host.Trim('[', ']');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.Equals(TestDomain, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + TestDomain, StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address) ? address : null;
    }

    /// <summary>Splits <c>host:port</c> (or <c>[v6]:port</c>); <see langword="false"/> when it is not one.</summary>
    public static bool TrySplit(string authority, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || colon < authority.LastIndexOf(']') || !int.TryParse(authority.AsSpan(colon + 1), out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = authority[..colon];
        return true;
    }
}
