using System;
using System.Threading;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// The call was cancelled while it waited to be retried. What the last attempt showed still holds: after
/// a throttled or unsent attempt, the service certainly did not act on the request.
/// </summary>
internal sealed class BackOffCancelledException : OperationCanceledException
{
    public BackOffCancelledException(RequestOutcome lastOutcome, CancellationToken token)
        : base("The request was cancelled while it waited to be sent again.", token)
    {
        LastOutcome = lastOutcome;
    }

    /// <summary>What the last attempt showed: <see cref="RequestOutcome.Throttled"/> or <see cref="RequestOutcome.NotSent"/> mean nothing was done.</summary>
    public RequestOutcome LastOutcome { get; }
}
