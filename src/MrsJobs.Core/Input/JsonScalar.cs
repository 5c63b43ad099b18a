using System.Text.Json;

namespace MrsJobs.Core.Input;

/// <summary>Turns a JSON scalar from a cell into the string the API expects.</summary>
internal static class JsonScalar
{
    /// <summary>Strings as they are; numbers and booleans as their JSON text; anything else is an error.</summary>
    public static string ToText(JsonElement element, string field, string where)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString() ?? string.Empty;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return element.GetRawText();
            default:
                throw new CellParseException(field, $"{where} is {Describe(element.ValueKind)}; only strings (or numbers and booleans) are allowed.");
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
