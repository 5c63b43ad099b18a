using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MrsJobs.Core.Auth.Signing;

/// <summary>
/// The percent-encoding and canonical URI and query pieces of SDK-HMAC-SHA256, as Huawei's SDK signer
/// builds them: unreserved <c>A–Z a–z 0–9 - _ . ~</c> kept, every other UTF-8 byte as upper-case <c>%XX</c>.
/// </summary>
internal static class SigningEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Percent-encodes a literal (unescaped) text.</summary>
    /// <param name="text">The text; <c>null</c> counts as empty.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return encoded.ToString();
    }

    /// <summary>
    /// The canonical URI of a path as it travels (percent-escaped, as <see cref="Uri.AbsolutePath"/> gives it):
    /// each segment is unescaped, then encoded with <see cref="Encode"/>, and a trailing <c>/</c> is added if missing.
    /// </summary>
    /// <param name="escapedPath">The escaped path; empty counts as <c>/</c>.</param>
    /// <returns>The canonical URI.</returns>
    public static string CanonicalUri(string escapedPath)
    {
        if (string.IsNullOrEmpty(escapedPath))
        {
            return "/";
        }

        var segments = escapedPath.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment)));
        var path = string.Join("/", segments);
        return path.EndsWith("/", StringComparison.Ordinal) ? path : path + "/";
    }

    /// <summary>
    /// The canonical query string of a query as it travels (with or without the leading <c>?</c>): pairs
    /// unescaped (<c>+</c> stays a plus), keys sorted ordinally, a repeated key's values sorted ordinally,
    /// a key without <c>=</c> given an empty value, each <c>key=value</c> encoded, joined by <c>&amp;</c>.
    /// </summary>
    /// <param name="escapedQuery">The escaped query; empty gives an empty string.</param>
    /// <returns>The canonical query string.</returns>
    public static string CanonicalQuery(string? escapedQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var piece in (escapedQuery ?? string.Empty).TrimStart('?').Split('&'))
        {
            if (piece.Length == 0)
            {
                continue;
            }

            var equals = piece.IndexOf('=');
            var key = equals < 0 ? piece : piece.Substring(0, equals);
            var value = equals < 0 ? string.Empty : piece.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
        }

        return string.Join("&", pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
    }

    private static bool IsUnreserved(byte b) =>
        (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.' || b == '~';
}
