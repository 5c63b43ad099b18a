using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>
/// A small forward proxy on a loopback port, for testing clients behind a corporate proxy: CONNECT
/// tunnels and absolute-form <c>http://</c> requests, optional Basic authentication, hops counted per
/// target (<see cref="ProxyHops"/>). It reaches this machine only (<see cref="ProxyTargets"/>).
/// </summary>
public sealed class ForwardProxyServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private readonly Task _accepting;

    private ForwardProxyServer(TcpListener listener, ProxyHops hops)
    {
        _listener = listener;
        Hops = hops;
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The proxy's address, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the proxy counted, and the credentials it requires.</summary>
    public ProxyHops Hops { get; }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static ForwardProxyServer Start(int port, ProxyHops hops)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return new ForwardProxyServer(listener, hops);
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener.Stop();
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }

        await Task.WhenAll(_connections.Values).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await _accepting.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            var serving = new Task<Task>(() => ServeAsync(client));   // listed before it runs, so that its removal comes after
            _connections[client] = serving.Unwrap();
            serving.Start(TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                await new ProxyConnection(client.GetStream(), Hops).RunAsync(_stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
        {
            // A client or target that went away, or a malformed request: only this connection ends.
        }
        finally
        {
            _connections.TryRemove(client, out _);
        }
    }
}
