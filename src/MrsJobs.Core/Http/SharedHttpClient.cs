using System;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>
/// How the process's HTTP clients are made: one per proxy configuration (<see cref="HttpClientPool"/>),
/// made on first use (never at import), shared by every session with that configuration. Timeouts are per
/// request (see <see cref="HttpExchange"/>), so a client itself never times out. Up to <see cref="MaxConnectionsPerEndpoint"/> connections per endpoint, so that
/// <c>-ThrottleLimit</c> requests really are in flight (.NET Framework allows 2 by default); pooled
/// connections are closed after <see cref="ConnectionLifetime"/> so that DNS changes are seen.
/// </summary>
internal static class SharedHttpClient
{
    /// <summary>The most connections to one endpoint (above the largest -ThrottleLimit).</summary>
    public const int MaxConnectionsPerEndpoint = 256;

    /// <summary>How long a pooled connection is reused before a new one (and a new DNS lookup) is made.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On .NET Framework, connections are limited and recycled per endpoint (ServicePoint), not per
    /// handler: set both for <paramref name="endpoint"/>, or for the proxy it goes through (whose
    /// ServicePoint then carries the connections). Elsewhere the handler's settings apply and this does nothing.
    /// </summary>
    public static void ConfigureEndpoint(Uri endpoint, ProxyConfiguration? proxy = null)
    {
        if (SocketsHandler.IsAvailable)
        {
            return;
        }

        var point = ServicePointManager.FindServicePoint(endpoint, (proxy ?? ProxyConfiguration.System).WebProxyWithoutCredential);
        point.ConnectionLimit = Math.Max(point.ConnectionLimit, MaxConnectionsPerEndpoint);
        point.ConnectionLeaseTimeout = (int)ConnectionLifetime.TotalMilliseconds;
    }

    /// <summary>
    /// Whether a request of <paramref name="method"/> may carry an (empty) body, and with it a <c>Content-Type</c>.
    /// .NET Framework's handler refuses any body on GET and HEAD ("Cannot send a content-body with this verb-type"),
    /// so there (Windows PowerShell 5.1) those go without; PowerShell 7's handler sends it.
    /// </summary>
    public static bool CanSendEmptyContent(HttpMethod method) =>
        SocketsHandler.IsAvailable || (method != HttpMethod.Get && method != HttpMethod.Head);

    /// <summary>A client whose requests go through <paramref name="proxy"/> (loopback ones never do): <see cref="LoopbackBypassingProxy"/>, or no proxy at all.</summary>
    public static HttpClient Create(LoopbackBypassingProxy? proxy)
    {
        var handler = CreateSocketsHandler(proxy) ?? CreateFrameworkHandler(proxy);
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static HttpMessageHandler? CreateSocketsHandler(LoopbackBypassingProxy? proxy) =>
        SocketsHandler.Create(
            ("AllowAutoRedirect", false),
            ("AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate),
            ("UseCookies", false),
            ("MaxConnectionsPerServer", MaxConnectionsPerEndpoint),
            ("PooledConnectionLifetime", ConnectionLifetime),
            ("PooledConnectionIdleTimeout", TimeSpan.FromSeconds(90)),
            ("UseProxy", proxy is not null),
            ("Proxy", proxy));

    private static HttpMessageHandler CreateFrameworkHandler(LoopbackBypassingProxy? proxy)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            UseProxy = proxy is not null,
            Proxy = proxy,
        };
        try
        {
            handler.MaxConnectionsPerServer = MaxConnectionsPerEndpoint;
        }
        catch (PlatformNotSupportedException)
        {
            // Older .NET Framework: ConfigureEndpoint sets the limit on the endpoint's ServicePoint instead.
        }

        return handler;
    }
}
