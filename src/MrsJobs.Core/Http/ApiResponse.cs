using System.Net;

namespace MrsJobs.Core.Http;

/// <summary>An HTTP answer as the clients need it: status, body text and the headers they read.</summary>
public sealed class ApiResponse
{
    /// <summary>Creates the value.</summary>
    public ApiResponse(HttpStatusCode statusCode, string body, string? requestId, string? subjectToken)
    {
        StatusCode = statusCode;
        Body = body;
        RequestId = requestId;
        SubjectToken = subjectToken;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary><c>true</c> for any 2xx (reads answer 202, submission 200, IAM 201).</summary>
    public bool IsSuccess => (int)StatusCode >= 200 && (int)StatusCode < 300;

    /// <summary>The body as text (UTF-8).</summary>
    public string Body { get; }

    /// <summary>The <c>X-Request-Id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>X-Subject-Token</c> header (IAM only). Never traced or shown.</summary>
    internal string? SubjectToken { get; }
}
