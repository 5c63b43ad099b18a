namespace MrsJobs.Emulator.State;

/// <summary>How an injected fault's body is shaped.</summary>
public enum FaultShape
{
    /// <summary><c>{"job_submit_result":{"error_code":…,"error_msg":…}}</c>, as submission refusals are.</summary>
    JobSubmitResult,

    /// <summary><c>{"error_code":…,"error_msg":…}</c>, the canonical MRS error body.</summary>
    Canonical,

    /// <summary><c>{"error_msg":…,"error_code":…,"request_id":…}</c>, as the API gateway answers.</summary>
    Apig,
}

/// <summary>The request a fault answers.</summary>
public enum FaultOperation
{
    /// <summary>SubmitJobV2 (the default).</summary>
    Submit,

    /// <summary>ShowSingleJobExe: <c>GET …/job-executions/{id}</c>.</summary>
    Show,

    /// <summary>StopJob: <c>POST …/job-executions/{id}/kill</c>.</summary>
    Kill,

    /// <summary>ShowSqlResultWithJob: <c>GET …/job-executions/{id}/sql-result</c>.</summary>
    SqlResult,
}

/// <summary>
/// A one-shot fault: the next <see cref="Count"/> requests of its <see cref="Operation"/> that reach the
/// fault stage answer with this status and body instead of being handled.
/// </summary>
/// <param name="ClusterId">The cluster whose requests fail; <see langword="null"/> for any cluster.</param>
/// <param name="Count">How many requests fail (at least 1).</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="ErrorCode">The <c>error_code</c> value, e.g. <c>0173</c> or <c>APIGW.0308</c>.</param>
/// <param name="ErrorMsg">The <c>error_msg</c> value.</param>
/// <param name="Shape">The body shape.</param>
/// <param name="RetryAfterSeconds">When set, a <c>Retry-After</c> header with this many seconds.</param>
/// <param name="Operation">The request it answers; submissions unless said otherwise.</param>
public sealed record FaultRule(
    string? ClusterId,
    int Count,
    int Status,
    string ErrorCode,
    string ErrorMsg,
    FaultShape Shape,
    int? RetryAfterSeconds,
    FaultOperation Operation = FaultOperation.Submit);
