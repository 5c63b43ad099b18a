using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MrsJobs.Core.Security;

/// <summary>
/// Replaces secrets with <see cref="Mark"/> before anything is traced, shown or written: credential
/// headers, and JSON values whose keys look secret (<c>*secret*</c>, <c>*password*</c>, <c>*token*</c>,
/// <c>*access.key*</c>, …) — which covers the IAM password body and OBS keys in job properties.
/// </summary>
internal static class Redactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mark = "[redacted]";

    private static readonly string[] SecretHeaders =
    {
        "x-auth-token", "x-subject-token", "authorization", "proxy-authorization", "x-security-token", "cookie", "set-cookie",
        "x-metadata-token",
    };

    // Objects under these keys hold a secret in every member: IAM's {"id_token":{"id":"<the ID token>"}}.
    private static readonly string[] SecretObjects = { "id_token" };

    private static readonly string[] SecretKeyParts =
    {
        "secret", "password", "passwd", "pwd", "token", "access.key", "access_key", "accesskey", "access-key", "credential", "private.key", "private_key",
    };

    // Whole words of a key (split at . _ -) that mark it secret: DB_PASS, fs.obs.sk, x-api-key.
    private static readonly string[] SecretKeyWords = { "ak", "sk", "pass", "pwd", "key", "secret", "token", "credential", "credentials" };

    // "key" alone is too broad (fs.obs.endpoint.key? keytab paths?): it counts only after these words.
    private static readonly string[] KeyQualifiers = { "access", "secret", "api", "private", "sas", "auth", "encryption" };

    // key=value inside a text (a spark-submit "--conf fs.obs.secret.key=…" argument): the value is hidden
    // when the key looks secret by the same rule as property keys (IsSecretKey), so DB_PASS=… and fs.obs.sk=… too.
    private static readonly Regex Assignment = new(
        @"(?<key>[A-Za-z0-9_.\-]+)\s*(?<sign>[=:])\s*(?<value>[^\s,;""}\]]+)",
        RegexOptions.CultureInvariant);

    /// <summary><c>true</c> for headers that carry credentials.</summary>
    public static bool IsSecretHeader(string name) =>
        SecretHeaders.Contains(name.Trim().ToLowerInvariant());

    /// <summary><c>true</c> for keys whose values must never be shown.</summary>
    public static bool IsSecretKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var lower = key!.Trim().TrimStart('-').ToLowerInvariant();
        if (SecretKeyParts.Any(part => lower.IndexOf(part, StringComparison.Ordinal) >= 0))
        {
            return true;
        }

        var words = lower.Split('.', '_', '-', ' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == "key")
            {
                if (i > 0 && KeyQualifiers.Contains(words[i - 1]))
                {
                    return true;
                }
            }
            else if (SecretKeyWords.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The header value to show.</summary>
    public static string HeaderValue(string name, string value) => IsSecretHeader(name) ? Mark : value;

    /// <summary>The property value to show.</summary>
    public static string PropertyValue(string key, string? value) => IsSecretKey(key) ? Mark : value ?? string.Empty;

    // An argument that is a secret's name with no value in it: "--password", "fs.obs.secret.key".
    private static bool NamesASecret(string? text) =>
        text is { Length: > 0 } && text.IndexOf('=') < 0 && text.IndexOf(' ') < 0 && IsSecretKey(text);

    /// <summary>
    /// A program's arguments as they may be shown: secret assignments inside an argument are hidden
    /// (<c>--conf fs.obs.secret.key=[redacted]</c>), and so is the argument after a secret's name
    /// (<c>--password</c>, <c>[redacted]</c>).
    /// </summary>
    public static string[] Arguments(IReadOnlyList<string> arguments)
    {
        var shown = new string[arguments.Count];
        for (var i = 0; i < shown.Length; i++)
        {
            shown[i] = i > 0 && NamesASecret(arguments[i - 1]) ? Mark : Text(arguments[i]);
        }

        return shown;
    }

    /// <summary>Hides the values of secret-looking <c>key=value</c> assignments inside free text; a value already hidden stays as it is.</summary>
    public static string Text(string? text) =>
        string.IsNullOrEmpty(text)
            ? string.Empty
            : Assignment.Replace(text!, match => IsSecretKey(match.Groups["key"].Value) && !IsMarkAt(text!, match.Groups["value"].Index)
                ? match.Groups["key"].Value + match.Groups["sign"].Value + Mark
                : match.Value);

    /// <summary><c>true</c> when <paramref name="text"/> holds <see cref="Mark"/>: a secret hidden when the job was read back, not the secret itself.</summary>
    public static bool HoldsMark(string? text) => text is not null && text.IndexOf(Mark, StringComparison.Ordinal) >= 0;

    private static bool IsMarkAt(string text, int index) => string.CompareOrdinal(text, index, Mark, 0, Mark.Length) == 0;

    /// <summary>
    /// A JSON text with every secret-keyed value replaced; a text that is not JSON is shown only as its length,
    /// since it cannot be searched for secrets reliably.
    /// </summary>
    public static string Json(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Write(document.RootElement, writer, redact: false);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (JsonException)
        {
            return $"<{body!.Length} characters of non-JSON text>";
        }
    }

    // An object under a secret-looking key (IAM's "password" holds the user, its "token" holds the expiry)
    // is searched key by key; a scalar or array under such a key is hidden whole.
    private static bool RedactsMember(JsonProperty member) =>
        IsSecretKey(member.Name) && (member.Value.ValueKind != JsonValueKind.Object || SecretObjects.Contains(member.Name.ToLowerInvariant()));

    private static void Write(JsonElement element, Utf8JsonWriter writer, bool redact)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    if (!redact && member.Value.ValueKind == JsonValueKind.String && JavaTexts.TryRedact(member.Name, member.Value.GetString(), out var shown))
                    {
                        writer.WriteStringValue(shown);
                        continue;
                    }

                    Write(member.Value, writer, RedactsMember(member) || (redact && member.Value.ValueKind != JsonValueKind.Object));
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var previousNamesASecret = false;
                foreach (var item in element.EnumerateArray())
                {
                    // "--password", "x" or "--conf", "fs.obs.secret.key", "x": the value follows its name.
                    Write(item, writer, redact || previousNamesASecret);
                    previousNamesASecret = item.ValueKind == JsonValueKind.String && NamesASecret(item.GetString());
                }

                writer.WriteEndArray();
                break;
            default:
                if (redact)
                {
                    writer.WriteStringValue(Mark);
                }
                else if (element.ValueKind == JsonValueKind.String)
                {
                    writer.WriteStringValue(Text(element.GetString()));
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
        }
    }
}
