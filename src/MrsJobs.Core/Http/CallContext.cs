using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>
/// What travels with one call, while the session keeps what lasts (client, pipeline, clock, policy):
/// where its trace lines go and what cancels it.
/// </summary>
internal sealed class CallContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="trace">Receives the call's redacted trace lines; <c>null</c> drops them.</param>
    /// <param name="cancellation">Cancels the call, including its back-off waits.</param>
    /// <param name="retry">Overrides the session's retry policy for this call (a poller that retries in its next round passes <see cref="RetryPolicy.None"/>).</param>
    public CallContext(IHttpTraceSink? trace, CancellationToken cancellation, RetryPolicy? retry = null)
    {
        Trace = trace ?? NullTraceSink.Instance;
        Cancellation = cancellation;
        Retry = retry;
    }

    /// <summary>A context that traces nothing and cannot be cancelled.</summary>
    public static CallContext None { get; } = new(null, CancellationToken.None);

    /// <summary>Receives the call's redacted trace lines.</summary>
    public IHttpTraceSink Trace { get; }

    /// <summary>Cancels the call.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The retry policy of this call, when it differs from the session's.</summary>
    public RetryPolicy? Retry { get; }
}
