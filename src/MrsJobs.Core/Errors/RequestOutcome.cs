namespace MrsJobs.Core.Errors;

/// <summary>What the client knows about a request that did not succeed: whether the service may have acted on it.</summary>
public enum RequestOutcome
{
    /// <summary>The service answered clearly and refused: nothing was done.</summary>
    Refused,

    /// <summary>The service asked to come back later (429, APIGW.0308, 0202, …): nothing was done.</summary>
    Throttled,

    /// <summary>The request never reached the service (no connection could be made): nothing was done.</summary>
    NotSent,

    /// <summary>The request may have been processed: the connection broke after it was sent, it timed out, or the answer could not be read.</summary>
    Unknown,
}
