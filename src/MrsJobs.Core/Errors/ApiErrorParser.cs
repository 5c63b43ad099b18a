using System.Globalization;
using System.Text.Json;

namespace MrsJobs.Core.Errors;

/// <summary>
/// Reads every error shape the notes list: canonical <c>{"error_code","error_msg"}</c>, nested one level
/// (<c>{"job_submit_result":{…}}</c>), <c>code</c>/<c>message</c>, <c>errorCode</c>/<c>errorMsg</c>, and
/// IAM's <c>{"error":{"code","message","title"}}</c>. Anything else (HTML from a proxy, empty) gives nulls.
/// </summary>
internal static class ApiErrorParser
{
    private static readonly string[] CodeNames = { "error_code", "errorCode", "code" };
    private static readonly string[] MessageNames = { "error_msg", "errorMsg", "error_message", "message", "msg" };

    /// <summary>Parses <paramref name="body"/>; never throws.</summary>
    public static ApiErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
        {
            return new ApiErrorBody(null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var requestId = ReadString(root, "request_id") ?? ReadString(root, "requestId");
            var (code, message) = ReadPair(root);
            if (code is null && message is null)
            {
                foreach (var member in root.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.Object)
                    {
                        (code, message) = ReadPair(member.Value);
                        requestId ??= ReadString(member.Value, "request_id");
                        if (code is not null || message is not null)
                        {
                            break;
                        }
                    }
                }
            }

            return new ApiErrorBody(code, message, requestId);
        }
        catch (JsonException)
        {
            return new ApiErrorBody(null, null, null);
        }
    }

    private static (string? Code, string? Message) ReadPair(JsonElement element)
    {
        string? code = null;
        string? message = null;
        foreach (var name in CodeNames)
        {
            code ??= ReadString(element, name);
        }

        foreach (var name in MessageNames)
        {
            message ??= ReadString(element, name);
        }

        return (code, message);
    }

    private static string? ReadString(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
