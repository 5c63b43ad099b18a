using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// The parts of an <c>Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex</c> header.
/// </summary>
internal sealed record AkSkAuthorization(string AccessKey, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>Tells whether a request chose signature authentication (its Authorization names the algorithm).</summary>
    public static bool IsPresent(string? authorization) =>
        authorization is not null && authorization.TrimStart().StartsWith(Algorithm + " ", StringComparison.Ordinal);

    /// <summary>Reads the header; <see langword="null"/> when a part is missing or empty.</summary>
    public static AkSkAuthorization? Parse(string authorization)
    {
        var rest = authorization.Trim();
        if (!rest.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in rest.Substring(Algorithm.Length).Split(','))
        {
            var equals = piece.IndexOf('=');
            if (equals > 0)
            {
                parts[piece.Substring(0, equals).Trim()] = piece.Substring(equals + 1).Trim();
            }
        }

        if (!parts.TryGetValue("Access", out var access) || access.Length == 0
            || !parts.TryGetValue("SignedHeaders", out var signed) || signed.Length == 0
            || !parts.TryGetValue("Signature", out var signature) || signature.Length == 0)
        {
            return null;
        }

        return new AkSkAuthorization(access, signed.Split(';').Select(h => h.Trim()).ToArray(), signature);
    }
}
