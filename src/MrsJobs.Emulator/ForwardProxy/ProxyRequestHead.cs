using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>The request line and headers of one request a proxy client sent, read off the connection.</summary>
internal sealed class ProxyRequestHead
{
    private const int MaxHeadBytes = 32 * 1024;
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private ProxyRequestHead(string method, string target, List<KeyValuePair<string, string>> headers)
    {
        Method = method;
        Target = target;
        Headers = headers;
    }

    /// <summary>The method, e.g. <c>CONNECT</c> or <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary><c>host:port</c> for CONNECT, the absolute URL otherwise.</summary>
    public string Target { get; }

    /// <summary>The headers in the order sent.</summary>
    public List<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The first header of that name, or <see langword="null"/>.</summary>
    public string? Header(string name) =>
        Headers.Find(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The declared body length: 0 without a body, -1 when it is chunked (not supported).</summary>
    public long BodyLength => Header("Transfer-Encoding") is { Length: > 0 }
        ? -1
        : long.TryParse(Header("Content-Length"), out var length) ? length : 0;

    /// <summary>
    /// Reads one head from <paramref name="stream"/>, starting with <paramref name="pending"/> (bytes read
    /// earlier past a head). Returns the head, or <see langword="null"/> when the connection closed first, and
    /// the bytes read past this head.
    /// </summary>
    /// <exception cref="InvalidDataException">The head is malformed or too long.</exception>
    public static async Task<(ProxyRequestHead? Head, byte[] Leftover)> ReadAsync(Stream stream, byte[] pending, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        buffer.Write(pending);
        var chunk = new byte[4096];
        while (true)
        {
            var end = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(EndOfHead);
            if (end >= 0)
            {
                var all = buffer.ToArray();
                return (Parse(Encoding.ASCII.GetString(all, 0, end)), all[(end + EndOfHead.Length)..]);
            }

            if (buffer.Length > MaxHeadBytes)
            {
                throw new InvalidDataException("The request head is too long.");
            }

            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.Length == 0 ? (null, Array.Empty<byte>()) : throw new InvalidDataException("The connection closed inside a request head.");
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static ProxyRequestHead Parse(string text)
    {
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{lines[0]}' is not a request line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new InvalidDataException($"'{line}' is not a header.");
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return new ProxyRequestHead(requestLine[0], requestLine[1], headers);
    }
}
