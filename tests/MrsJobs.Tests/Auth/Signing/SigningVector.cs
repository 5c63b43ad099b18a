using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MrsJobs.Tests.Auth.Signing;

/// <summary>One request signed by Huawei's Node.js SDK (see <c>build/signing-vectors</c>), read from <c>signing-vectors.json</c>.</summary>
public sealed class SigningVector
{
    private static readonly Lazy<IReadOnlyList<SigningVector>> Loaded = new(Load);

    [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
    [JsonPropertyName("method")] public string Method { get; set; } = string.Empty;
    [JsonPropertyName("endpoint")] public string Endpoint { get; set; } = string.Empty;
    [JsonPropertyName("path")] public string Path { get; set; } = string.Empty;
    [JsonPropertyName("query")] public Dictionary<string, JsonElement> Query { get; set; } = new();
    [JsonPropertyName("body")] public string? Body { get; set; }
    [JsonPropertyName("ak")] public string Ak { get; set; } = string.Empty;
    [JsonPropertyName("sk")] public string Sk { get; set; } = string.Empty;
    [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
    [JsonPropertyName("security_token")] public string? SecurityToken { get; set; }
    [JsonPropertyName("date")] public string Date { get; set; } = string.Empty;
    [JsonPropertyName("sdk_path_auto_escaped")] public bool SdkPathAutoEscaped { get; set; }
    [JsonPropertyName("signed_headers")] public Dictionary<string, string> SignedHeaders { get; set; } = new();
    [JsonPropertyName("canonical_request")] public string CanonicalRequest { get; set; } = string.Empty;
    [JsonPropertyName("string_to_sign")] public string StringToSign { get; set; } = string.Empty;
    [JsonPropertyName("authorization")] public string Authorization { get; set; } = string.Empty;

    /// <summary>Every vector.</summary>
    public static IReadOnlyList<SigningVector> All => Loaded.Value;

    /// <summary>The vector names, as theory data.</summary>
    public static IEnumerable<object[]> Names => All.Select(v => new object[] { v.Name });

    /// <summary>The vector of that name.</summary>
    public static SigningVector Named(string name) => All.Single(v => v.Name == name);

    /// <summary>The body as UTF-8 bytes, or null.</summary>
    public byte[]? BodyBytes => Body is null ? null : Encoding.UTF8.GetBytes(Body);

    /// <summary>The URI as it travels: each path segment and query key and value escaped.</summary>
    public Uri WireUri()
    {
        var path = string.Join("/", Path.Split('/').Select(Uri.EscapeDataString));
        var pairs = Query.SelectMany(q => q.Value.ValueKind == JsonValueKind.Array
            ? q.Value.EnumerateArray().Select(v => (q.Key, v.GetString()!))
            : new[] { (q.Key, q.Value.GetString()!) });
        var query = string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        return new Uri(Endpoint + path + (query.Length == 0 ? string.Empty : "?" + query));
    }

    /// <summary>The SK as a read-only secure string.</summary>
    public SecureString SecretKey() => new System.Net.NetworkCredential(string.Empty, Sk).SecurePassword;

    /// <inheritdoc />
    public override string ToString() => Name;

    private static IReadOnlyList<SigningVector> Load()
    {
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, "Auth", "Signing", "signing-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("vectors").Deserialize<List<SigningVector>>()!;
    }
}
