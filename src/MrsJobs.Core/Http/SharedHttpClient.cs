using System;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>
/// The one <see cref="HttpClient"/> of the process, made on first use (never at import). Timeouts are
/// per request (see <see cref="MrsHttpPipeline"/>), so the client itself never times out.
/// </summary>
internal static class SharedHttpClient
{
    private static readonly Lazy<HttpClient> Client = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared client.</summary>
    public static HttpClient Instance => Client.Value;

    private static HttpClient Create()
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
