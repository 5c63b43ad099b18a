using System;
using System.Net.Http;
using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>The use of one pooled client (<see cref="HttpClientPool"/>) until disposed; disposing twice ends it once.</summary>
internal sealed class HttpClientLease : IDisposable
{
    private Action? _release;

    internal HttpClientLease(HttpClient client, Action release)
    {
        Client = client;
        _release = release;
    }

    /// <summary>The client; not to be used once the lease has ended.</summary>
    public HttpClient Client { get; }

    /// <summary>Ends the lease.</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
