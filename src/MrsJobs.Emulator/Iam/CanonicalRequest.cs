using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// The gateway's side of SDK-HMAC-SHA256, written from docs/mrs-api.md: rebuilds the canonical request from
/// what arrived (the raw request target, the named headers, the body bytes) and computes the signature.
/// </summary>
internal static class CanonicalRequest
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>The hex HMAC-SHA256 signature the client should have sent.</summary>
    public static string ExpectedSignature(HttpRequest request, IReadOnlyList<string> signedHeaders, byte[] body, string sdkDate, string secretKey)
    {
        var canonical = Build(request, signedHeaders, body);
        var stringToSign = $"{AkSkAuthorization.Algorithm}\n{sdkDate}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>METHOD, URI, query, headers, signed-header list and payload hash, one per line.</summary>
    public static string Build(HttpRequest request, IReadOnlyList<string> signedHeaders, byte[] body)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = request.PathBase + request.Path.ToUriComponent() + request.QueryString;
        }

        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        var names = signedHeaders.Select(h => h.ToLowerInvariant()).ToArray();
        var headers = string.Concat(names.Select(name => $"{name}:{request.Headers[name].ToString().Trim()}\n"));
        var payload = names.Contains("x-sdk-content-sha256") && request.Headers["x-sdk-content-sha256"] == UnsignedPayload
            ? UnsignedPayload
            : Hex(SHA256.HashData(body));
        return string.Join("\n", request.Method.ToUpperInvariant(), Uri(path), Query(query), headers, string.Join(";", names), payload);
    }

    private static string Uri(string rawPath)
    {
        var encoded = string.Join("/", rawPath.Split('/').Select(segment => Escape(System.Uri.UnescapeDataString(segment))));
        return encoded.EndsWith('/') ? encoded : encoded + "/";
    }

    private static string Query(string rawQuery)
    {
        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: System.Uri.UnescapeDataString(kv[0]), Value: kv.Length > 1 ? System.Uri.UnescapeDataString(kv[1]) : string.Empty));
        return string.Join("&", pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Escape(p.Key) + "=" + Escape(p.Value)));
    }

    // RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XX (upper-case hex).
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
