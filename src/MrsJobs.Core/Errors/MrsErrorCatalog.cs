using System;
using System.Collections.Generic;
using System.Net;

namespace MrsJobs.Core.Errors;

/// <summary>
/// The one table of known error codes. Huawei's pages disagree whether the 0xxx codes come with
/// HTTP 400 or 500, so a known code decides the kind; the status decides only for unknown codes.
/// </summary>
internal static class MrsErrorCatalog
{
    private const string Reconnect = "Run Connect-MrsProject again to get a new token.";

    /// <summary>
    /// The advice for a refused AK/SK signature, whatever the code: signature failures are never retried,
    /// since five bad signatures in a row lock the access key for five minutes.
    /// </summary>
    public const string SignatureAdvice =
        "Check the access key and secret key (and the security token of temporary keys), and that this computer's clock is right: signatures more than 15 minutes off are refused. Requests are not retried after a signature failure, because five in a row lock the access key for five minutes.";

    private static readonly Dictionary<string, ErrorInfo> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["APIGW.0301"] = new(MrsErrorKind.Authentication, "The token or signature was refused. " + Reconnect),
        ["APIG.0301"] = new(MrsErrorKind.Authentication, "The token or signature was refused. " + Reconnect),
        ["APIGW.0307"] = new(MrsErrorKind.TokenExpired, "The token has expired. " + Reconnect),
        ["APIG.0307"] = new(MrsErrorKind.TokenExpired, "The token has expired. " + Reconnect),
        ["APIGW.0308"] = new(MrsErrorKind.Throttled, "The API gateway is throttling requests; wait and try again."),
        ["12000001"] = new(MrsErrorKind.Authentication, "The service refused the credentials for project {project}. " + Reconnect),
        ["12000002"] = new(MrsErrorKind.InvalidArgument, "The service refused a parameter of the job; check the job definition."),
        ["12000009"] = new(MrsErrorKind.InvalidArgument, "The service refused a parameter of the job; check the job definition."),
        ["12000003"] = new(MrsErrorKind.NotFound, "Cluster '{cluster}' does not exist in project {project}. Check -ClusterId and the region and project the session was connected to (Connect-MrsProject -PassThru shows them)."),
        ["0056"] = new(MrsErrorKind.ResourceUnavailable, "Cluster '{cluster}' is in a state that does not accept jobs (starting, scaling, frozen or stopped). Try again when it is running."),
        ["0057"] = new(MrsErrorKind.NotInstalled, "Spark is not installed on cluster '{cluster}': Spark jobs cannot be submitted to it. Add the Spark component or use another cluster."),
        ["0168"] = new(MrsErrorKind.NotInstalled, "Hive is not installed on cluster '{cluster}': Hive jobs cannot be submitted to it. Add the Hive component or use another cluster."),
        ["0169"] = new(MrsErrorKind.NotInstalled, "Flink is not installed on cluster '{cluster}': Flink jobs cannot be submitted to it. Add the Flink component or use another cluster."),
        ["0167"] = new(MrsErrorKind.ServiceError, "The v2 job API cannot be used with cluster '{cluster}' (check the cluster's MRS version)."),
        ["0173"] = new(MrsErrorKind.ServiceError, "The service failed to submit the job; check the job's arguments and the cluster's health, then try again."),
        ["0161"] = new(MrsErrorKind.ServiceError, "Only jobs that have ended can be deleted: stop the job first (Stop-MrsJobExecution), or wait for it (Wait-MrsJobExecution)."),
        ["0178"] = new(MrsErrorKind.InvalidArgument, "The service refused the list of job ids."),
        ["0179"] = new(MrsErrorKind.InvalidArgument, "Only SparkSql and SparkScript jobs have a SQL result."),
        ["0181"] = new(MrsErrorKind.ServiceError, "The job did not succeed, so it has no SQL result; Get-MrsJobExecution shows how it ended."),
        ["0183"] = new(MrsErrorKind.ResourceUnavailable, "The job is still running: wait for it (Wait-MrsJobExecution), then ask again."),
        ["0172"] = new(MrsErrorKind.ServiceError, "The service could not collect the SQL result: the job may not have ended, may have failed, or may not be a SparkSql or SparkScript job. Get-MrsJobExecution shows its state."),
        ["0175"] = new(MrsErrorKind.ServiceError, "The job could not be stopped; it may have ended already (Get-MrsJobExecution shows its state)."),
        ["0176"] = new(MrsErrorKind.NotFound, "The job does not exist on cluster '{cluster}' (it may have been deleted; Get-MrsJobExecution -ClusterId lists the jobs)."),
        ["0201"] = new(MrsErrorKind.NotFound, "The job does not exist on cluster '{cluster}' (it may have been deleted; Get-MrsJobExecution -ClusterId lists the jobs)."),
        ["MRS.0002"] = new(MrsErrorKind.InvalidArgument, "The service refused a parameter of the request."),
        ["0177"] = new(MrsErrorKind.Throttled, "Too many jobs are running on cluster '{cluster}'; submit again later."),
        ["12000060"] = new(MrsErrorKind.Throttled, "Too many jobs are running on cluster '{cluster}'; submit again later."),
        ["0192"] = new(MrsErrorKind.PermissionDenied, "Your IAM user does not exist on the cluster's MRS Manager. In the MRS console open cluster '{cluster}', go to the Overview tab and click 'Synchronize' next to 'IAM User Sync', then submit again."),
        ["0202"] = new(MrsErrorKind.Throttled, "Too many jobs are being submitted; wait and try again."),
    };

    /// <summary>
    /// Looks up a code; unknown codes fall back to a kind derived from the HTTP status. A gateway answer
    /// whose message says the token expired counts as <see cref="MrsErrorKind.TokenExpired"/> whatever its code.
    /// </summary>
    public static ErrorInfo Describe(string? errorCode, HttpStatusCode? status, string? message = null)
    {
        if (message is not null && message.IndexOf("token expire", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return Codes["APIGW.0307"];
        }

        if (errorCode is { Length: > 0 } && Codes.TryGetValue(errorCode, out var info))
        {
            return info;
        }

        return new ErrorInfo(KindFromStatus(status));
    }

    /// <summary><c>true</c> when the catalogue knows <paramref name="errorCode"/>.</summary>
    public static bool IsKnown(string? errorCode) => errorCode is { Length: > 0 } && Codes.ContainsKey(errorCode);

    /// <summary>Fills the placeholders of an advice text.</summary>
    public static string? FormatAdvice(string? advice, string? clusterId, string? projectId) =>
        advice?.Replace("{cluster}", clusterId ?? "?").Replace("{project}", projectId ?? "?");

    /// <summary>The kind an HTTP status implies when the code is unknown.</summary>
    public static MrsErrorKind KindFromStatus(HttpStatusCode? status) => status switch
    {
        null => MrsErrorKind.Unknown,
        HttpStatusCode.Unauthorized => MrsErrorKind.Authentication,
        HttpStatusCode.Forbidden => MrsErrorKind.PermissionDenied,
        HttpStatusCode.NotFound => MrsErrorKind.NotFound,
        HttpStatusCode.BadRequest => MrsErrorKind.InvalidArgument,
        HttpStatusCode.UnsupportedMediaType => MrsErrorKind.InvalidArgument,
        (HttpStatusCode)429 => MrsErrorKind.Throttled,
        HttpStatusCode.ServiceUnavailable => MrsErrorKind.ResourceUnavailable,
        HttpStatusCode.GatewayTimeout => MrsErrorKind.Timeout,
        _ => MrsErrorKind.ServiceError,
    };
}
