using System;
using System.Net;

namespace MrsJobs.Core.Errors;

/// <summary>
/// The one exception family of the client: an HTTP call that did not succeed, with what the service
/// said (error code, message, request id) and what the client knows about it (kind, advice).
/// Messages never contain tokens, passwords or keys.
/// </summary>
public class MrsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MrsApiException(
        string message,
        MrsErrorKind kind,
        HttpStatusCode? statusCode = null,
        string? errorCode = null,
        string? serviceMessage = null,
        string? requestId = null,
        string? advice = null,
        Exception? innerException = null,
        string? errorId = null,
        RequestOutcome outcome = RequestOutcome.Refused)
        : base(message, innerException)
    {
        Outcome = outcome;
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
        Advice = advice;
        _errorId = errorId;
    }

    private readonly string? _errorId;

    /// <summary>Whether the service may have acted on the request: refused, throttled and not sent mean it did not; unknown means it may have.</summary>
    public RequestOutcome Outcome { get; }

    /// <summary>What kind of failure this is.</summary>
    public MrsErrorKind Kind { get; }

    /// <summary>The HTTP status, when an answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The service's error code (<c>0168</c>, <c>APIGW.0301</c>, …), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's own message, when it gave one.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The request id to quote to Huawei support (<c>X-Request-Id</c>).</summary>
    public string? RequestId { get; }

    /// <summary>What the user can do about it, when the client knows.</summary>
    public string? Advice { get; }

    /// <summary>What went wrong, without the advice.</summary>
    public string Summary => base.Message;

    /// <summary>What went wrong, followed by the advice when there is one.</summary>
    public override string Message => Advice is { Length: > 0 } ? base.Message + " " + Advice : base.Message;

    /// <summary>
    /// A stable identifier for scripts and error ids: the one given at construction, else
    /// <c>MrsApiError.&lt;code&gt;</c>, or <c>MrsApiError.Http&lt;status&gt;</c> when the service gave no
    /// code, or <c>Mrs&lt;kind&gt;</c> when no answer arrived.
    /// </summary>
    public string ErrorId => _errorId ?? (ErrorCode is { Length: > 0 }
        ? ErrorIds.ApiErrorFamily + ErrorCode
        : StatusCode is { } status ? "MrsApiError.Http" + (int)status : "Mrs" + Kind);
}
