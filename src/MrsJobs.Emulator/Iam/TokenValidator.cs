using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// Checks the <c>X-Auth-Token</c> header as the API gateway does, for IAM and MRS routes alike:
/// missing or unknown → 401 APIGW.0301, expired → 401 APIGW.0307.
/// </summary>
internal static class TokenValidator
{
    public const string AuthTokenHeader = "X-Auth-Token";

    /// <summary>Returns the live token, or sets <paramref name="failure"/> to the gateway's answer.</summary>
    public static IssuedToken? Validate(HttpContext context, EmulatorState state, out IResult? failure)
    {
        var text = context.Request.Headers[AuthTokenHeader].ToString();
        if (string.IsNullOrEmpty(text))
        {
            failure = Reject(context, "APIGW.0301", "Incorrect IAM authentication information: x-auth-token not found");
            return null;
        }

        var token = state.Identity.FindToken(text);
        if (token is null)
        {
            failure = Reject(context, "APIGW.0301", "Incorrect IAM authentication information: decrypt token fail");
            return null;
        }

        if (token.IsExpiredAt(state.Time.GetUtcNow()))
        {
            failure = Reject(context, "APIGW.0307", "The token must be updated.");
            return null;
        }

        failure = null;
        return token;
    }

    private static JsonReply Reject(HttpContext context, string code, string message) =>
        GatewayErrors.Apig(context, StatusCodes.Status401Unauthorized, code, message);
}
