using System;
using System.Net;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>
/// The instance metadata service gave no temporary keys: it did not answer, refused, or answered something else.
/// <see cref="Reason"/> says why in a few words, for the credential chain's list of places it looked.
/// </summary>
internal sealed class MetadataServiceException : MrsApiException
{
    /// <summary>Creates the exception.</summary>
    public MetadataServiceException(string message, string reason, MrsErrorKind kind, string errorId, HttpStatusCode? status = null, string? advice = null, Exception? innerException = null)
        : base(message, kind, status, advice: advice, innerException: innerException, errorId: errorId)
    {
        Reason = reason;
    }

    /// <summary>Why in a few words: <c>no answer within 3 s</c>, <c>HTTP 404: …</c>, …</summary>
    public string Reason { get; }
}
