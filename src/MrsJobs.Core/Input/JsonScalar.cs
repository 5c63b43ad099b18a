using System.Text.Json;

namespace MrsJobs.Core.Input;

/// <summary>Turns a JSON scalar (from a cell or an answer) into the string the API means.</summary>
internal static class JsonScalar
{
    /// <summary>Strings as they are; numbers and booleans as their JSON text; anything else is an error.</summary>
    public static string ToText(JsonElement element, string field, string where) =>
        TryToText(element, out var text)
            ? text
            : throw new CellParseException(field, $"{where} is {Describe(element.ValueKind)}; only strings (or numbers and booleans) are allowed.");

    /// <summary>As <see cref="ToText"/>, reporting failure instead of throwing.</summary>
    public static bool TryToText(JsonElement element, out string text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text = element.GetString() ?? string.Empty;
                return true;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                text = element.GetRawText();
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => kind.ToString(),
    };
}
