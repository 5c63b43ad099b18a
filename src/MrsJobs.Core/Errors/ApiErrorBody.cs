namespace MrsJobs.Core.Errors;

/// <summary>The code, message and request id read from an error answer, whatever its shape.</summary>
internal sealed class ApiErrorBody
{
    /// <summary>Creates the value.</summary>
    public ApiErrorBody(string? errorCode, string? message, string? requestId)
    {
        ErrorCode = errorCode;
        Message = message;
        RequestId = requestId;
    }

    /// <summary>The service's code, if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's message, if any.</summary>
    public string? Message { get; }

    /// <summary>The request id from the body, if any.</summary>
    public string? RequestId { get; }
}
