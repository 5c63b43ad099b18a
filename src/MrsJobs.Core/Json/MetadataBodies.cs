using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>
/// <c>GET /openstack/latest/securitykey</c> answer: <c>{"credential":{"access":…,"secret":…,"securitytoken":…,"expires_at":…}}</c>
/// (Go SDK <c>core/auth/internal/metadata_accessor.go</c> <c>GetTemporaryCredentialFromMetadataResponse</c>).
/// The secret is text only while it is read; <see cref="Auth.Metadata.MetadataServiceClient"/> protects it at once.
/// </summary>
internal sealed class MetadataSecurityKeyBody
{
    [JsonPropertyName("credential")]
    public MetadataCredentialBody? Credential { get; set; }
}

/// <summary>The <c>credential</c> object: temporary AK/SK, security token and expiry.</summary>
internal sealed class MetadataCredentialBody
{
    [JsonPropertyName("access")]
    public string? Access { get; set; }

    [JsonPropertyName("secret")]
    public string? Secret { get; set; }

    [JsonPropertyName("securitytoken")]
    public string? SecurityToken { get; set; }

    [JsonPropertyName("expires_at")]
    public string? ExpiresAt { get; set; }
}

/// <summary><c>GET /openstack/latest/meta_data.json</c> answer; only the fields the client uses.</summary>
internal sealed class MetadataInstanceBody
{
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("availability_zone")]
    public string? AvailabilityZone { get; set; }
}
