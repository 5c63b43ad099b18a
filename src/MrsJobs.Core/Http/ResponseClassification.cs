using System;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>What one answer means, decided once by <see cref="ResponseClassifier"/>.</summary>
internal sealed class ResponseClassification
{
    internal ResponseClassification(RequestOutcome? failure, MrsErrorKind kind, ApiErrorBody error, TimeSpan? retryAfter)
    {
        Failure = failure;
        Kind = kind;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary><c>null</c> when the answer is the success that was asked for; else what is known of the failure.</summary>
    public RequestOutcome? Failure { get; }

    /// <summary><c>true</c> when the answer is a success.</summary>
    public bool IsSuccess => Failure is null;

    /// <summary>The kind of failure (the error code decides; the status only when the code is unknown).</summary>
    public MrsErrorKind Kind { get; }

    /// <summary>The code, message and request id read from the body, whatever its shape.</summary>
    public ApiErrorBody Error { get; }

    /// <summary>How long the service asked to wait (<c>Retry-After</c>, in seconds or as a date), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
