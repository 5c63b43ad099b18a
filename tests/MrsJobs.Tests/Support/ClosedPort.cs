using System;
using System.Net;
using System.Net.Sockets;

namespace MrsJobs.Tests.Support;

/// <summary>A loopback address where nothing listens: a port that was free a moment ago.</summary>
internal static class ClosedPort
{
    /// <summary><c>http://127.0.0.1:{port}/</c> with a port that was just released.</summary>
    public static Uri Address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
