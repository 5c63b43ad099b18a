using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MrsJobs.Core.Json;

/// <summary>Reads an answer body into a wire model, or gives <c>null</c> for an empty or malformed body (the caller says what it expected).</summary>
internal static class WireReader
{
    public static T? TryRead<T>(string? body, JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body!, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
