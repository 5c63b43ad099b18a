using System.Linq;
using System.Text.Json;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// The password-method token request:
/// <c>{"auth":{"identity":{"methods":["password"],"password":{"user":{"name","password","domain":{"name"|"id"}}}},"scope":{"project":{"name"|"id"}}}}</c>.
/// </summary>
internal sealed record PasswordAuthRequest(
    string UserName,
    string Password,
    string? DomainName,
    string? DomainId,
    string? ProjectName,
    string? ProjectId)
{
    /// <summary>Parses the body, or says which part is missing or malformed.</summary>
    public static PasswordAuthRequest? Parse(string body, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"The request body is not valid JSON: {ex.Message}";
            return null;
        }

        using (document)
        {
            var identity = Object(Object(document.RootElement, "auth"), "identity");
            if (identity is not { } id)
            {
                error = "The request body must contain auth.identity.";
                return null;
            }

            if (!id.TryGetProperty("methods", out var methods) || methods.ValueKind != JsonValueKind.Array
                || !methods.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == "password"))
            {
                error = "auth.identity.methods must contain \"password\" (the only method the emulator supports).";
                return null;
            }

            var user = Object(Object(id, "password"), "user");
            var userName = Text(user, "name");
            var password = Text(user, "password");
            var domain = Object(user, "domain");
            var domainName = Text(domain, "name");
            var domainId = Text(domain, "id");
            if (userName is null || password is null || (domainName is null && domainId is null))
            {
                error = "auth.identity.password.user needs name, password and domain (name or id) as strings.";
                return null;
            }

            var project = Object(Object(document.RootElement.GetProperty("auth"), "scope"), "project");
            var projectName = Text(project, "name");
            var projectId = Text(project, "id");
            if (projectName is null && projectId is null)
            {
                error = "auth.scope.project needs a name or an id: the emulator issues project-scoped tokens only.";
                return null;
            }

            error = null;
            return new PasswordAuthRequest(userName, password, domainName, domainId, projectName, projectId);
        }
    }

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static string? Text(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.String
            ? child.GetString()
            : null;
}
