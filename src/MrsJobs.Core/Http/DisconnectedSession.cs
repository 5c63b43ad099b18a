using System;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>The error of a request whose session was forgotten (Disconnect-MrsProject) before it could be authenticated: it was not sent.</summary>
internal static class DisconnectedSession
{
    public const string Message = "This session was disconnected (Disconnect-MrsProject) and has forgotten its credentials. Run Connect-MrsProject again.";

    public static MrsApiException Error(Exception? cause = null) =>
        new(Message, MrsErrorKind.Authentication, innerException: cause, errorId: ErrorIds.SessionDisconnected, outcome: RequestOutcome.NotSent);
}
