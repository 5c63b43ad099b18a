using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;

namespace MrsJobs.Emulator.Control;

/// <summary>JSON of the control API: snake_case names, snake_case enum values, nulls written.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>A 200 (or other) reply with a control-API body.</summary>
    public static IResult Ok(object? value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, Options, contentType: "application/json; charset=utf-8", statusCode: status);

    /// <summary>A 400 in the canonical shape, code <c>EMULATOR.0400</c>.</summary>
    public static IResult BadRequest(string message) =>
        GatewayErrors.Canonical(StatusCodes.Status400BadRequest, "EMULATOR.0400", message);

    /// <summary>Reads a body; on failure the value is null and the failure is the 400 to answer.</summary>
    public static async Task<(T? Value, IResult? Failure)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted)
                .ConfigureAwait(false);
            return value is null ? (null, BadRequest("The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest($"The body is not valid for this route: {ex.Message}"));
        }
    }
}
