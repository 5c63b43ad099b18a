using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>
/// The one connection pool of the process, made on first use (never at import), shared by every
/// session's pipeline. Timeouts are per request (see <see cref="HttpExchange"/>), so the client itself
/// never times out. Up to <see cref="MaxConnectionsPerEndpoint"/> connections per endpoint, so that
/// <c>-ThrottleLimit</c> requests really are in flight (.NET Framework allows 2 by default); pooled
/// connections are closed after <see cref="ConnectionLifetime"/> so that DNS changes are seen.
/// </summary>
internal static class SharedHttpClient
{
    /// <summary>The most connections to one endpoint (above the largest -ThrottleLimit).</summary>
    public const int MaxConnectionsPerEndpoint = 256;

    /// <summary>How long a pooled connection is reused before a new one (and a new DNS lookup) is made.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly Lazy<HttpClient> Client = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared client.</summary>
    public static HttpClient Instance => Client.Value;

    /// <summary>
    /// On .NET Framework, connections are limited and recycled per endpoint (ServicePoint), not per
    /// handler: set both for <paramref name="endpoint"/>. Elsewhere the handler's settings apply and
    /// this does nothing.
    /// </summary>
    public static void ConfigureEndpoint(Uri endpoint)
    {
        if (SocketsHandlerType is not null)
        {
            return;
        }

        var point = ServicePointManager.FindServicePoint(endpoint);
        point.ConnectionLimit = Math.Max(point.ConnectionLimit, MaxConnectionsPerEndpoint);
        point.ConnectionLeaseTimeout = (int)ConnectionLifetime.TotalMilliseconds;
    }

    /// <summary>
    /// Whether a request of <paramref name="method"/> may carry an (empty) body, and with it a <c>Content-Type</c>.
    /// .NET Framework's handler refuses any body on GET and HEAD ("Cannot send a content-body with this verb-type"),
    /// so there (Windows PowerShell 5.1) those go without; PowerShell 7's handler sends it.
    /// </summary>
    public static bool CanSendEmptyContent(HttpMethod method) =>
        SocketsHandlerType is not null || (method != HttpMethod.Get && method != HttpMethod.Head);

    // SocketsHttpHandler (PowerShell 7) is not in netstandard2.0: reach it by reflection for the pool lifetime.
    private static Type? SocketsHandlerType => Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);

    private static HttpClient Create()
    {
        var handler = CreateSocketsHandler() ?? CreateFrameworkHandler();
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static HttpMessageHandler? CreateSocketsHandler()
    {
        if (SocketsHandlerType is not { } type || Activator.CreateInstance(type) is not HttpMessageHandler handler)
        {
            return null;
        }

        Set(handler, "AllowAutoRedirect", false);
        Set(handler, "AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate);
        Set(handler, "UseCookies", false);
        Set(handler, "MaxConnectionsPerServer", MaxConnectionsPerEndpoint);
        Set(handler, "PooledConnectionLifetime", ConnectionLifetime);
        Set(handler, "PooledConnectionIdleTimeout", TimeSpan.FromSeconds(90));
        return handler;
    }

    private static HttpMessageHandler CreateFrameworkHandler()
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
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

    private static void Set(object target, string property, object value) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.SetValue(target, value);
}
