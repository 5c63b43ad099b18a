using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>
/// The connection to the instance metadata service, apart from the shared pool: the service is link-local
/// (169.254.169.254), so it is never reached through a proxy, and a connection that does not open within
/// <see cref="ConnectTimeout"/> means there is no service (a laptop, not a VM), so the credential chain does not hang.
/// </summary>
internal static class MetadataHttp
{
    /// <summary>How long opening a connection may take (where the runtime can bound it; the request timeout bounds it everywhere).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private static readonly Lazy<HttpClient> Client = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The client; requests carry their own timeout.</summary>
    public static HttpClient Instance => Client.Value;

    private static HttpClient Create()
    {
        var handler = SocketsHandler.Create(("UseProxy", false), ("AllowAutoRedirect", false), ("UseCookies", false), ("ConnectTimeout", ConnectTimeout))
            ?? new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
