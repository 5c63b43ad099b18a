using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace MrsJobs.Core.Auth.Signing;

/// <summary>
/// The pure SDK-HMAC-SHA256 signer of Huawei Cloud's API gateway, proven against Huawei's own Node.js
/// SDK (<c>tests/MrsJobs.Tests/Auth/Signing/signing-vectors.json</c>). It sends nothing and keeps nothing:
/// the caller adds the headers it names to the request, exactly as given, plus <c>Authorization</c>.
/// </summary>
internal static class SdkHmacSigner
{
    /// <summary>The algorithm name that starts the string to sign and the <c>Authorization</c> value.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The date header every signature includes.</summary>
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>A header whose value, when signed, replaces the body hash (the SDK sends <c>UNSIGNED-PAYLOAD</c> for non-JSON bodies).</summary>
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";

    /// <summary>
    /// Signs one request.
    /// </summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c> (upper-cased).</param>
    /// <param name="uri">The absolute URI as it will be sent (its path and query are read escaped).</param>
    /// <param name="headers">
    /// The headers to sign, each as it will be sent; <c>host</c> is taken from <paramref name="uri"/> when absent,
    /// and <c>x-sdk-date</c> is always set from <paramref name="timestamp"/>. Names are compared case-insensitively.
    /// </param>
    /// <param name="body">The exact body bytes; <c>null</c> or empty for no body.</param>
    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK) as UTF-8 bytes; the caller owns and clears them.</param>
    /// <param name="timestamp">The signing time; sent as <c>X-Sdk-Date</c>.</param>
    /// <returns>The canonical texts and the <c>Authorization</c> value.</returns>
    /// <exception cref="ArgumentException">A value is missing, or a header name repeats.</exception>
    public static SignedRequest Sign(
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[]? body,
        string accessKey,
        byte[] secretKey,
        DateTimeOffset timestamp)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new ArgumentException("The method is empty.", nameof(method));
        }

        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("An absolute URI is required.", nameof(uri));
        }

        if (string.IsNullOrWhiteSpace(accessKey))
        {
            throw new ArgumentException("The access key is empty.", nameof(accessKey));
        }

        if (secretKey is null || secretKey.Length == 0)
        {
            throw new ArgumentException("The secret key is empty.", nameof(secretKey));
        }

        var date = SigningTime.ToText(timestamp);
        var canonical = CanonicalHeaders(headers ?? throw new ArgumentNullException(nameof(headers)), uri, date);
        var signedHeaders = string.Join(";", canonical.Keys);
        var payloadHash = canonical.TryGetValue(ContentSha256Header.ToLowerInvariant(), out var declared)
            ? declared
            : Hex(Sha256(body ?? Array.Empty<byte>()));

        var canonicalRequest = string.Join(
            "\n",
            method.Trim().ToUpperInvariant(),
            SigningEncoding.CanonicalUri(uri.AbsolutePath),
            SigningEncoding.CanonicalQuery(uri.Query),
            string.Concat(canonical.Select(h => h.Key + ":" + h.Value + "\n")),
            signedHeaders,
            payloadHash);
        var stringToSign = Algorithm + "\n" + date + "\n" + Hex(Sha256(Encoding.UTF8.GetBytes(canonicalRequest)));

        string signature;
        using (var hmac = new HMACSHA256(secretKey))
        {
            signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        }

        var authorization = $"{Algorithm} Access={accessKey.Trim()}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SignedRequest(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>The value of <c>Host</c> for a URI: the host, and the port unless it is the scheme's default.</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns>For example <c>mrs.cn-north-4.myhuaweicloud.com</c> or <c>127.0.0.1:5080</c>.</returns>
    public static string HostHeader(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // Lower-case names, ordinal order, values trimmed; host and x-sdk-date always present.
    private static SortedDictionary<string, string> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers, Uri uri, string date)
    {
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var name = header.Key?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A header name is empty.", nameof(headers));
            }

            if (canonical.ContainsKey(name!))
            {
                throw new ArgumentException($"The header {name} is given twice.", nameof(headers));
            }

            canonical[name!] = (header.Value ?? string.Empty).Trim();
        }

        if (!canonical.ContainsKey("host"))
        {
            canonical["host"] = HostHeader(uri);
        }

        canonical[DateHeader.ToLowerInvariant()] = date;
        return canonical;
    }

    private static byte[] Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }

    private static string Hex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
