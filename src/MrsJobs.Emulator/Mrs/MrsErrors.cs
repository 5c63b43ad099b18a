using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;

namespace MrsJobs.Emulator.Mrs;

/// <summary>MRS error bodies: canonical and nested in <c>job_submit_result</c> (injected faults: <see cref="FaultAnswers"/>).</summary>
internal static class MrsErrors
{
    public const string InvalidParameterCode = "12000002";

    /// <summary>400 12000002 <c>Invalid parameter: field: rule</c>.</summary>
    public static JsonReply InvalidParameter(string fieldAndRule) =>
        GatewayErrors.Canonical(StatusCodes.Status400BadRequest, InvalidParameterCode, "Invalid parameter: " + fieldAndRule);

    /// <summary>
    /// A job operation refused with a service code (0175, 0176, 0179, …): canonical body, HTTP 500 as the
    /// error-code table lists these codes.
    /// </summary>
    public static JsonReply JobRefused(string errorCode, string errorMsg) =>
        GatewayErrors.Canonical(StatusCodes.Status500InternalServerError, errorCode, errorMsg);

    /// <summary>500 0176 <c>The job does not exist.</c></summary>
    public static JsonReply JobNotFound() => JobRefused("0176", "The job does not exist.");

    /// <summary>400 <c>MRS.0002</c> <c>the offset is invalid</c>, the job list's answer to an offset below 1.</summary>
    public static JsonReply OffsetInvalid() =>
        GatewayErrors.Canonical(StatusCodes.Status400BadRequest, "MRS.0002", "the offset is invalid");

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
}
