using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// The one place that says what an answer (or a failed exchange) means: success, refused with a
/// code, throttled (not processed, come back), not sent, or unknown (may have been processed).
/// Callers never look at status codes again.
/// </summary>
internal static class ResponseClassifier
{
    /// <summary>Classifies an answer.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="expectsBody">Whether a 2xx body is the one asked for; <c>null</c> when any 2xx will do (kill, batch-delete).</param>
    public static ResponseClassification Classify(ApiResponse response, Func<string, bool>? expectsBody)
    {
        var error = ApiErrorParser.Parse(response.Body);
        var info = MrsErrorCatalog.Describe(error.ErrorCode, response.StatusCode, error.Message);
        var hasCode = error.ErrorCode is { Length: > 0 };
        if (response.IsSuccess)
        {
            if (hasCode)
            {
                // The service has answered refusals with a 2xx and an error code.
                return Failed(info.Kind == MrsErrorKind.Throttled ? RequestOutcome.Throttled : RequestOutcome.Refused, info.Kind, error, response);
            }

            return expectsBody is null || expectsBody(response.Body)
                ? new ResponseClassification(null, MrsErrorKind.Unknown, error, null)
                : Failed(RequestOutcome.Unknown, MrsErrorKind.Protocol, error, response);
        }

        if ((int)response.StatusCode == 429 || info.Kind == MrsErrorKind.Throttled)
        {
            return Failed(RequestOutcome.Throttled, MrsErrorKind.Throttled, error, response);
        }

        // A 5xx without a code is a gateway's or proxy's page (502, 503, 504); a 5xx with a code the catalogue
        // does not know (APIG.0201 backend unavailable, APIG.0202 backend timeout, an internal error) does not
        // say the request was refused before it was acted on. Either way it may have reached the service.
        if ((int)response.StatusCode >= 500 && !MrsErrorCatalog.IsKnown(error.ErrorCode))
        {
            return Failed(RequestOutcome.Unknown, info.Kind, error, response);
        }

        return Failed(RequestOutcome.Refused, info.Kind, error, response);
    }

    /// <summary>
    /// What a failed exchange means: no connection could be made (so nothing was sent), or the
    /// connection broke or timed out after the request may have left (unknown).
    /// </summary>
    public static RequestOutcome ClassifyTransportFailure(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException socket)
            {
                return IsConnectFailure(socket.SocketErrorCode) ? RequestOutcome.NotSent : RequestOutcome.Unknown;
            }

            if (ex is AuthenticationException)
            {
                return RequestOutcome.NotSent;   // the TLS handshake failed: the request was never written
            }

            if (ProxyFailures.IsTunnelRefusal(ex))
            {
                return RequestOutcome.NotSent;   // the proxy would not open a tunnel: the request was never written
            }

            if (ex is IOException && ex is not FileNotFoundException)
            {
                return RequestOutcome.Unknown;
            }
        }

        return RequestOutcome.Unknown;
    }

    private static bool IsConnectFailure(SocketError error) => error is SocketError.ConnectionRefused
        or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
        or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable or SocketError.NetworkDown;

    private static ResponseClassification Failed(RequestOutcome outcome, MrsErrorKind kind, ApiErrorBody error, ApiResponse response) =>
        new(outcome, kind == MrsErrorKind.Unknown ? MrsErrorCatalog.KindFromStatus(response.StatusCode) : kind, error, outcome == RequestOutcome.Throttled ? response.RetryAfter : null);
}
