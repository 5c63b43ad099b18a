using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>
/// One client connection of the forward proxy: CONNECT opens a tunnel (the way HTTPS goes through a
/// corporate proxy), an absolute-form <c>http://</c> request is forwarded and its answer relayed. Without
/// the required <c>Proxy-Authorization</c> it answers 407 with <c>Proxy-Authenticate: Basic</c> and keeps
/// the connection for the next try; a target off this machine gets 502.
/// </summary>
internal sealed class ProxyConnection
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] HopByHopHeaders = { "Proxy-Authorization", "Proxy-Connection", "Connection", "Keep-Alive" };
    private readonly Stream _client;
    private readonly ProxyHops _hops;
    private byte[] _pending = Array.Empty<byte>();

    public ProxyConnection(Stream client, ProxyHops hops)
    {
        _client = client;
        _hops = hops;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (head, rest) = await ProxyRequestHead.ReadAsync(_client, _pending, cancellationToken).ConfigureAwait(false);
            _pending = rest;
            if (head is null)
            {
                return;
            }

            if (!_hops.Admits(head.Header("Proxy-Authorization")))
            {
                _hops.CountAuthRefusal();
                var keepAlive = head.BodyLength == 0;   // a refused body is not read: close instead
                await AnswerAsync(407, "Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"MrsJobs emulator proxy\"\r\n", keepAlive, cancellationToken).ConfigureAwait(false);
                if (keepAlive)
                {
                    continue;
                }

                return;
            }

            if (head.Method.Equals("CONNECT", StringComparison.OrdinalIgnoreCase))
            {
                await TunnelAsync(head.Target, cancellationToken).ConfigureAwait(false);
            }
            else if (Uri.TryCreate(head.Target, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && head.BodyLength >= 0)
            {
                await ForwardAsync(head, uri, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AnswerAsync(400, "Bad Request", string.Empty, keepAlive: false, cancellationToken).ConfigureAwait(false);
            }

            return;
        }
    }

    private async Task TunnelAsync(string authority, CancellationToken cancellationToken)
    {
        using var target = ProxyTargets.TrySplit(authority, out var host, out var port)
            ? await ConnectAsync(host, port, cancellationToken).ConfigureAwait(false)
            : null;
        if (target is null)
        {
            await RefuseTargetAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _hops.CountHop(authority);
        await WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n", cancellationToken).ConfigureAwait(false);
        var targetStream = target.GetStream();
        await targetStream.WriteAsync(_pending, cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var up = _client.CopyToAsync(targetStream, stop.Token);
        var down = targetStream.CopyToAsync(_client, stop.Token);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        stop.Cancel();   // one side closed: the tunnel is over
        await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    private async Task ForwardAsync(ProxyRequestHead head, Uri uri, CancellationToken cancellationToken)
    {
        using var target = await ConnectAsync(uri.Host, uri.Port, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            await RefuseTargetAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _hops.CountHop($"{uri.Host}:{uri.Port}");
        var text = new StringBuilder($"{head.Method} {uri.PathAndQuery} HTTP/1.1\r\n");
        foreach (var header in head.Headers.Where(h => !HopByHopHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        var targetStream = target.GetStream();
        await targetStream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        var body = head.BodyLength;
        var early = (int)Math.Min(body, _pending.Length);
        await targetStream.WriteAsync(_pending.AsMemory(0, early), cancellationToken).ConfigureAwait(false);
        await CopyExactlyAsync(_client, targetStream, body - early, cancellationToken).ConfigureAwait(false);
        await targetStream.CopyToAsync(_client, cancellationToken).ConfigureAwait(false);   // the answer, until the target closes
    }

    private async Task RefuseTargetAsync(CancellationToken cancellationToken)
    {
        _hops.CountUnreachable();
        await AnswerAsync(502, "Bad Gateway", string.Empty, keepAlive: false, cancellationToken).ConfigureAwait(false);
    }

    // Only this machine, and only within the connect timeout; null when the target cannot be reached.
    private static async Task<TcpClient?> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (ProxyTargets.Resolve(host) is not { } address)
        {
            return null;
        }

        var client = new TcpClient(address.AddressFamily) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(address, port, timeout.Token).ConfigureAwait(false);
            return client;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            client.Dispose();
            return null;
        }
    }

    private static async Task CopyExactlyAsync(Stream from, Stream to, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (count > 0)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The client closed the connection inside a request body.");
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            count -= read;
        }
    }

    private Task AnswerAsync(int status, string reason, string extraHeaders, bool keepAlive, CancellationToken cancellationToken) =>
        WriteAsync($"HTTP/1.1 {status} {reason}\r\n{extraHeaders}Content-Length: 0\r\nConnection: {(keepAlive ? "keep-alive" : "close")}\r\n\r\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _client.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await _client.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
