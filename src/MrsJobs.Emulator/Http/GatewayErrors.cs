using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MrsJobs.Emulator.Http;

/// <summary>Error bodies of the API gateway that fronts IAM and MRS, and of unknown routes.</summary>
internal static class GatewayErrors
{
    /// <summary><c>{"error_msg":…,"error_code":…,"request_id":…}</c>, as the gateway answers auth failures.</summary>
    public static JsonReply Apig(HttpContext context, int status, string errorCode, string errorMsg) =>
        JsonReply.Create(status, new JsonObject
        {
            ["error_msg"] = errorMsg,
            ["error_code"] = errorCode,
            ["request_id"] = RequestIds.Get(context),
        });

    /// <summary>The canonical <c>{"error_code":…,"error_msg":…}</c> body.</summary>
    public static JsonReply Canonical(int status, string errorCode, string errorMsg) =>
        JsonReply.Create(status, new JsonObject
        {
            ["error_code"] = errorCode,
            ["error_msg"] = errorMsg,
        });

    /// <summary>
    /// Status-code-pages handler: a response that ends with an error status and no body (no route
    /// matched, or the method did not) gets the canonical shape. A method mismatch is answered as
    /// the gateway does, as an API that does not exist (404).
    /// </summary>
    public static System.Threading.Tasks.Task WriteBodylessErrorAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (status is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = default;
            return Canonical(
                StatusCodes.Status404NotFound,
                "APIGW.0101",
                $"The API does not exist or has not been published in the environment: {context.Request.Method} {context.Request.Path}")
                .ExecuteAsync(context);
        }

        return Canonical(status, "EMULATOR.ERROR", $"The emulator answered {status} without a body.").ExecuteAsync(context);
    }
}
