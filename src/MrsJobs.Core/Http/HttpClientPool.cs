using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace MrsJobs.Core.Http;

/// <summary>
/// One pooled <see cref="HttpClient"/> per proxy configuration (<see cref="ProxyConfiguration.PoolKey"/>:
/// the proxy, the identity of its credential, the mode), handed out as leases. A client without proxy
/// credentials lives as long as the process, so its connections are reused from session to session; one
/// that holds a proxy password is dropped when its last lease ends (Disconnect-MrsProject, a failed connect).
/// </summary>
internal static class HttpClientPool
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>A lease on the client for <paramref name="proxy"/>, made when it is the first.</summary>
    public static HttpClientLease Acquire(ProxyConfiguration proxy)
    {
        if (proxy is null)
        {
            throw new ArgumentNullException(nameof(proxy));
        }

        lock (Gate)
        {
            if (!Entries.TryGetValue(proxy.PoolKey, out var entry))
            {
                var webProxy = proxy.CreateWebProxy();
                entry = new Entry(proxy, SharedHttpClient.Create(webProxy), webProxy?.Inner?.Credentials as NetworkCredential);
                Entries.Add(proxy.PoolKey, entry);
            }

            entry.Leases++;
            return new HttpClientLease(entry.Client, () => Release(entry));
        }
    }

    /// <summary>How many leases the client for <paramref name="proxy"/> has; <c>null</c> when there is none in the pool.</summary>
    internal static int? LeasesOf(ProxyConfiguration proxy)
    {
        lock (Gate)
        {
            return Entries.TryGetValue(proxy.PoolKey, out var entry) ? entry.Leases : null;
        }
    }

    private static void Release(Entry entry)
    {
        lock (Gate)
        {
            entry.Leases--;
            if (entry.Leases > 0 || !entry.Proxy.HasCredential)
            {
                return;
            }

            Entries.Remove(entry.Proxy.PoolKey);
        }

        entry.Client.Dispose();
        if (entry.Credential is { } credential)
        {
            credential.Password = string.Empty;   // the handler's copy of the proxy password goes now, not at collection
        }
    }

    private sealed class Entry
    {
        public Entry(ProxyConfiguration proxy, HttpClient client, NetworkCredential? credential)
        {
            Proxy = proxy;
            Client = client;
            Credential = credential;
        }

        public NetworkCredential? Credential { get; }

        public ProxyConfiguration Proxy { get; }

        public HttpClient Client { get; }

        public int Leases { get; set; }
    }
}
