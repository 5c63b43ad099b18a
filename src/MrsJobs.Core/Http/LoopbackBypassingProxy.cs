using System;
using System.Net;

namespace MrsJobs.Core.Http;

/// <summary>
/// A proxy that never takes loopback traffic (127.0.0.0/8, ::1, <c>localhost</c>: the local emulator), and
/// otherwise does what <see cref="Inner"/> says; with no inner proxy, everything goes direct.
/// </summary>
internal sealed class LoopbackBypassingProxy : IWebProxy
{
    public LoopbackBypassingProxy(IWebProxy? inner) => Inner = inner;

    /// <summary>The proxy for everything but loopback (the system's, or the one given); <c>null</c> for none.</summary>
    public IWebProxy? Inner { get; }

    /// <inheritdoc />
    public ICredentials? Credentials
    {
        get => Inner?.Credentials;
        set
        {
            if (Inner is not null)
            {
                Inner.Credentials = value;
            }
        }
    }

    /// <summary>The inner proxy's answer; the destination itself (the <see cref="IWebProxy"/> way of saying "direct") when bypassed.</summary>
    public Uri? GetProxy(Uri destination) => IsBypassed(destination) ? destination : Inner!.GetProxy(destination);

    /// <inheritdoc />
    public bool IsBypassed(Uri host) => Urls.IsLoopback(host) || Inner is null || Inner.IsBypassed(host);

    /// <summary>
    /// The proxy a request to <paramref name="destination"/> goes through, or <c>null</c> when it goes direct
    /// (bypassed, no proxy for its scheme, or a proxy that names the destination itself).
    /// </summary>
    public Uri? ProxyFor(Uri destination)
    {
        if (IsBypassed(destination))
        {
            return null;
        }

        var proxy = Inner!.GetProxy(destination);
        return proxy is null || proxy == destination ? null : proxy;
    }
}
