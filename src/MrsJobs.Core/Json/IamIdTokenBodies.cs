using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>
/// <c>POST /v3.0/OS-AUTH/id-token/tokens</c> request: <c>{"auth":{"id_token":{"id":…},"scope":{"project":{"id":…}}}}</c>
/// (Go SDK <c>core/auth/internal/iam_service.go</c> <c>GetIdTokenRequestBody</c>; IAM API "Obtaining a Token with an
/// OpenID Connect ID Token"). The answer is read as <see cref="IamTokenResponseBody"/>.
/// </summary>
internal sealed class IamIdTokenRequestBody
{
    [JsonPropertyName("auth")]
    public IamIdTokenAuth Auth { get; set; } = new();
}

/// <summary>The <c>auth</c> object.</summary>
internal sealed class IamIdTokenAuth
{
    [JsonPropertyName("id_token")]
    public IamIdToken IdToken { get; set; } = new();

    [JsonPropertyName("scope")]
    public IamScope Scope { get; set; } = new();
}

/// <summary>The <c>id_token</c> object: the ID token itself.</summary>
internal sealed class IamIdToken
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;
}
