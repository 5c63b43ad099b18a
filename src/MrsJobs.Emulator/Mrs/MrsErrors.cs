using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>MRS error bodies: canonical, nested in <c>job_submit_result</c>, and injected faults.</summary>
internal static class MrsErrors
{
    public const string InvalidParameterCode = "12000002";

    /// <summary>400 12000002 <c>Invalid parameter: field: rule</c>.</summary>
    public static JsonReply InvalidParameter(string fieldAndRule) =>
        GatewayErrors.Canonical(StatusCodes.Status400BadRequest, InvalidParameterCode, "Invalid parameter: " + fieldAndRule);

    /// <summary>A refused submission: <c>{"job_submit_result":{"error_code":…,"error_msg":…}}</c>, 500 by default.</summary>
    public static JsonReply SubmitRefused(string errorCode, string errorMsg, int status = StatusCodes.Status500InternalServerError) =>
        JsonReply.Create(status, new JsonObject
        {
            ["job_submit_result"] = new JsonObject
            {
                ["error_code"] = errorCode,
                ["error_msg"] = errorMsg,
            },
        });

    /// <summary>The answer of an injected fault, in its shape, with <c>Retry-After</c> when asked.</summary>
    public static JsonReply FromFault(HttpContext context, FaultRule fault)
    {
        var reply = fault.Shape switch
        {
            FaultShape.Canonical => GatewayErrors.Canonical(fault.Status, fault.ErrorCode, fault.ErrorMsg),
            FaultShape.Apig => GatewayErrors.Apig(context, fault.Status, fault.ErrorCode, fault.ErrorMsg),
            _ => SubmitRefused(fault.ErrorCode, fault.ErrorMsg, fault.Status),
        };
        return fault.RetryAfterSeconds is { } seconds
            ? reply.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            : reply;
    }
}
