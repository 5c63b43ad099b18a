using System;
using System.Net;

namespace MrsJobs.Core.Http;

/// <summary>An HTTP answer as the clients need it: status, body text, the headers they read, and what it means.</summary>
internal sealed class ApiResponse
{
    /// <summary>Creates the value.</summary>
    public ApiResponse(HttpStatusCode statusCode, string body, string? requestId, string? subjectToken, TimeSpan? retryAfter = null)
    {
        StatusCode = statusCode;
        Body = body;
        RequestId = requestId;
        SubjectToken = subjectToken;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary><c>true</c> for any 2xx (reads answer 202, submission 200, IAM 201).</summary>
    public bool IsSuccess => (int)StatusCode >= 200 && (int)StatusCode < 300;

    /// <summary>The body as text (UTF-8).</summary>
    public string Body { get; }

    /// <summary>The <c>X-Request-Id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>Retry-After</c> header as a wait from the time of the answer, when given.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>What the answer means; set by the pipeline, which classifies every answer once.</summary>
    public ResponseClassification Classification { get; internal set; } = null!;

    /// <summary>The <c>Date</c> header: the service's clock when it answered.</summary>
    internal DateTimeOffset? ServerDate { get; init; }

    /// <summary><c>true</c> when an earlier attempt of the same request lost its answer (it may have been done already); set by the pipeline.</summary>
    public bool FollowsLostAnswer { get; internal set; }

    /// <summary>The <c>X-Subject-Token</c> header (IAM only). Never traced or shown.</summary>
    internal string? SubjectToken { get; }
}
