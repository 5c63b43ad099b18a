using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary><c>POST /v3/auth/tokens</c> request: <c>{"auth":{"identity":…,"scope":…}}</c>.</summary>
internal sealed class IamAuthRequestBody
{
    [JsonPropertyName("auth")]
    public IamAuth Auth { get; set; } = new();
}

/// <summary>The <c>auth</c> object.</summary>
internal sealed class IamAuth
{
    [JsonPropertyName("identity")]
    public IamIdentity Identity { get; set; } = new();

    [JsonPropertyName("scope")]
    public IamScope Scope { get; set; } = new();
}

/// <summary>The <c>identity</c> object for password sign-in.</summary>
internal sealed class IamIdentity
{
    [JsonPropertyName("methods")]
    public List<string> Methods { get; set; } = new() { "password" };

    [JsonPropertyName("password")]
    public IamPasswordIdentity Password { get; set; } = new();
}

/// <summary>The <c>password</c> object.</summary>
internal sealed class IamPasswordIdentity
{
    [JsonPropertyName("user")]
    public IamUser User { get; set; } = new();
}

/// <summary>The user who signs in.</summary>
internal sealed class IamUser
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("password")]
    public string Password { get; set; } = string.Empty;

    [JsonPropertyName("domain")]
    public IamNamed Domain { get; set; } = new();
}

/// <summary>The <c>scope</c> object: a project by id or by name.</summary>
internal sealed class IamScope
{
    [JsonPropertyName("project")]
    public IamNamed Project { get; set; } = new();
}

/// <summary>An object named by <c>id</c> or <c>name</c>; the unused one is left out.</summary>
internal sealed class IamNamed
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary><c>POST /v3/auth/tokens</c> answer; only the fields the client uses.</summary>
internal sealed class IamTokenResponseBody
{
    [JsonPropertyName("token")]
    public IamTokenBody? Token { get; set; }
}

/// <summary>The <c>token</c> object.</summary>
internal sealed class IamTokenBody
{
    [JsonPropertyName("expires_at")]
    public string? ExpiresAt { get; set; }

    [JsonPropertyName("project")]
    public IamNamed? Project { get; set; }

    [JsonPropertyName("user")]
    public IamNamed? User { get; set; }
}
