using System;
using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>
/// What travels with one call, while the session keeps what lasts (client, pipeline, clock, policy):
/// where its trace lines and warnings go, what cancels it, and what must happen before each attempt.
/// </summary>
internal sealed class CallContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="trace">Receives the call's redacted trace lines; <c>null</c> drops them.</param>
    /// <param name="cancellation">Cancels the call, including its back-off waits.</param>
    /// <param name="retry">Overrides the session's retry policy for this call (a poller that retries in its next round passes <see cref="RetryPolicy.None"/>).</param>
    /// <param name="warn">Receives warnings for the user; <c>null</c> drops them.</param>
    public CallContext(IHttpTraceSink? trace, CancellationToken cancellation, RetryPolicy? retry = null, Action<string>? warn = null)
    {
        Trace = trace ?? NullTraceSink.Instance;
        Cancellation = cancellation;
        Retry = retry;
        Warn = warn ?? (_ => { });
    }

    /// <summary>A context that traces nothing and cannot be cancelled.</summary>
    public static CallContext None { get; } = new(null, CancellationToken.None);

    /// <summary>Receives the call's redacted trace lines.</summary>
    public IHttpTraceSink Trace { get; }

    /// <summary>Cancels the call.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The retry policy of this call, when it differs from the session's.</summary>
    public RetryPolicy? Retry { get; }

    /// <summary>Receives warnings for the user (a journal that could not be written, ...).</summary>
    public Action<string> Warn { get; }

    /// <summary>
    /// Runs before every attempt that goes on the wire (the engine journals the attempt's time there). If it
    /// throws, that attempt is not sent and the exception ends the call.
    /// </summary>
    internal Action? BeforeAttempt { get; private set; }

    /// <summary>This context without its before-attempt hook: for the steps a request needs first (renewing the token), which are not its attempts.</summary>
    internal CallContext WithoutBeforeAttempt() => BeforeAttempt is null ? this : new(Trace, Cancellation, Retry, Warn);

    /// <summary>A copy of this context that runs <paramref name="beforeAttempt"/> before every attempt.</summary>
    internal CallContext WithBeforeAttempt(Action beforeAttempt) =>
        new(Trace, Cancellation, Retry, Warn) { BeforeAttempt = beforeAttempt };
}
