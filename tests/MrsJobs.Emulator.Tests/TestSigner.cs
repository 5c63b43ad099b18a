using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// A tiny SDK-HMAC-SHA256 signer for the emulator's tests, written from docs/mrs-api.md on its own: it shares
/// no code with the emulator's verifier nor with the client's signer.
/// </summary>
public static class TestSigner
{
    /// <summary>Sets <c>Host</c> and <c>X-Sdk-Date</c>, then signs the named headers (host and x-sdk-date by default) into <c>Authorization</c>.</summary>
    public static void Sign(HttpRequestMessage request, string accessKey, string secretKey, DateTimeOffset date, params string[] signedHeaders)
    {
        var uri = request.RequestUri!;
        var sdkDate = date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Host ??= uri.Authority;
        request.Headers.Remove("X-Sdk-Date");
        request.Headers.Add("X-Sdk-Date", sdkDate);
        var names = (signedHeaders.Length == 0 ? new[] { "host", "x-sdk-date" } : signedHeaders).Select(n => n.ToLowerInvariant()).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var headerLines = string.Concat(names.Select(n => $"{n}:{Value(request, n)}\n"));
        var body = request.Content?.ReadAsByteArrayAsync().GetAwaiter().GetResult() ?? Array.Empty<byte>();
        var canonical = string.Join("\n", request.Method.Method, Path(uri), Query(uri), headerLines, string.Join(";", names), Hex(SHA256.HashData(body)));
        var toSign = $"SDK-HMAC-SHA256\n{sdkDate}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(toSign)));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", $"SDK-HMAC-SHA256 Access={accessKey}, SignedHeaders={string.Join(";", names)}, Signature={signature}");
    }

    private static string Value(HttpRequestMessage request, string name)
    {
        if (name == "host")
        {
            return request.Headers.Host!;
        }

        IEnumerable<string>? values = null;
        if (!request.Headers.TryGetValues(name, out values))
        {
            request.Content?.Headers.TryGetValues(name, out values);
        }

        return string.Join(",", values ?? Array.Empty<string>()).Trim();
    }

    private static string Path(Uri uri)
    {
        var path = string.Join("/", uri.AbsolutePath.Split('/').Select(s => Encode(Uri.UnescapeDataString(s))));
        return path.EndsWith('/') ? path : path + "/";
    }

    private static string Query(Uri uri) => string.Join("&", uri.Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => (K: Uri.UnescapeDataString(p[0]), V: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty))
        .OrderBy(p => p.K, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal)
        .Select(p => Encode(p.K) + "=" + Encode(p.V)));

    private static string Encode(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => char.IsAsciiLetterOrDigit((char)b) || "-_.~".Contains((char)b) ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
