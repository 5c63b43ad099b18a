using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// Checks an OpenID Connect ID token as IAM checks it against an identity provider's configuration: a JWT whose
/// payload carries the provider's issuer (<c>iss</c>), its client id among the audience (<c>aud</c>), a subject
/// (<c>sub</c>), and an expiry (<c>exp</c>) still ahead (and <c>nbf</c>, when given, passed). The signature is not
/// checked: the emulator has no keys of any real provider, so tests send unsigned tokens (<c>"alg":"none"</c>).
/// </summary>
internal static class IdTokenValidator
{
    /// <summary>What is wrong with the token, or <see langword="null"/> when it is good; <paramref name="tokenId"/> is its <c>jti</c>.</summary>
    public static string? Problem(string idToken, EmulatorIdentityProvider provider, DateTimeOffset now, out string? tokenId)
    {
        tokenId = null;
        var parts = idToken.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not JsonObject || Decode(parts[1]) is not JsonObject payload)
        {
            return "The ID token is not a JWT: three base64url parts, header and payload JSON objects.";
        }

        if (Text(payload["iss"]) != provider.Issuer)
        {
            return $"The ID token was not issued by the issuer of identity provider {provider.Id}.";
        }

        var audience = payload["aud"] is JsonArray list ? list.Select(Text) : new[] { Text(payload["aud"]) };
        if (!audience.Contains(provider.ClientId, StringComparer.Ordinal))
        {
            return $"The ID token's audience does not include the client id of identity provider {provider.Id}.";
        }

        if (string.IsNullOrEmpty(Text(payload["sub"])))
        {
            return "The ID token has no subject (sub).";
        }

        if (Seconds(payload["exp"]) is not { } expiry)
        {
            return "The ID token has no expiry (exp).";
        }

        if (now >= expiry)
        {
            return $"The ID token has expired (exp {expiry:u}).";
        }

        if (Seconds(payload["nbf"]) is { } notBefore && now < notBefore)
        {
            return $"The ID token is not valid before {notBefore:u} (nbf).";
        }

        tokenId = Text(payload["jti"]);
        return null;
    }

    private static JsonNode? Decode(string part)
    {
        try
        {
            var base64 = part.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTimeOffset? Seconds(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
}
