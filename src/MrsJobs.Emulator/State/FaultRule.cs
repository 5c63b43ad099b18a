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

    /// <summary>ShowJobExeListNew: <c>GET …/job-executions?…</c>.</summary>
    List,
}

/// <summary>What an injected fault does to the request it fires on.</summary>
public enum FaultKind
{
    /// <summary>Answers <see cref="FaultRule.Status"/> with an error body in <see cref="FaultRule.Shape"/> (the default); nothing is stored.</summary>
    Error,

    /// <summary>Aborts the connection without an answer; nothing is stored.</summary>
    DropBeforeRecord,

    /// <summary>Stores the job as an accepted submission, then aborts the connection without an answer.</summary>
    DropAfterRecord,

    /// <summary>Stores the job, then answers 502 with a gateway's HTML error page.</summary>
    Html502AfterRecord,

    /// <summary>Stores the job, then answers 200 with the success JSON cut in the middle.</summary>
    TruncatedJsonAfterRecord,

    /// <summary>Answers 429 <c>APIGW.0308</c> in the gateway shape with <c>Retry-After</c>; nothing is stored.</summary>
    Throttle429,
}

/// <summary>
/// A one-shot fault: the next <see cref="Count"/> requests of its <see cref="Operation"/> that reach the
/// fault stage are answered as its <see cref="Kind"/> says instead of being handled.
/// </summary>
/// <param name="ClusterId">The cluster whose requests fail; <see langword="null"/> for any cluster.</param>
/// <param name="Count">How many requests fail (at least 1).</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="ErrorCode">The <c>error_code</c> value, e.g. <c>0173</c> or <c>APIGW.0308</c>.</param>
/// <param name="ErrorMsg">The <c>error_msg</c> value.</param>
/// <param name="Shape">The body shape.</param>
/// <param name="RetryAfterSeconds">When set, a <c>Retry-After</c> header with this many seconds.</param>
/// <param name="Operation">The request it answers; submissions unless said otherwise.</param>
/// <param name="Kind">What it does; <see cref="FaultKind.Error"/> (status and body above) unless said otherwise.</param>
/// <param name="RetryAfterHttpDate">Whether <c>Retry-After</c> is sent as an HTTP date (now + the seconds) instead of seconds.</param>
public sealed record FaultRule(
    string? ClusterId,
    int Count,
    int Status,
    string ErrorCode,
    string ErrorMsg,
    FaultShape Shape,
    int? RetryAfterSeconds,
    FaultOperation Operation = FaultOperation.Submit,
    FaultKind Kind = FaultKind.Error,
    bool RetryAfterHttpDate = false)
{
    /// <summary>Whether the job is stored before the fault answers (the "after_record" kinds).</summary>
    public bool RecordsJob => Kind is FaultKind.DropAfterRecord or FaultKind.Html502AfterRecord or FaultKind.TruncatedJsonAfterRecord;

    /// <summary>
    /// The name the stats count it under: <c>code_{error_code}</c> for <see cref="FaultKind.Error"/>, else the kind's
    /// wire name (<c>throttle_429</c>, <c>drop_before_record</c>, …).
    /// </summary>
    public string StatsName => Kind == FaultKind.Error ? "code_" + ErrorCode : FaultKinds.Name(Kind);
}
