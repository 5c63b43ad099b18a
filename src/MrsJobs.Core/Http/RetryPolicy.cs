using System;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// The one retry policy of a session: which failures are tried again, and how long to wait between
/// tries (exponential back-off with jitter, at least what <c>Retry-After</c> asks, within a cap on
/// attempts and on total time). Credential and signature refusals are never retried.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>Read, SignIn</term><description>retried on: no connection, broken connection, timeout, 429, 5xx without a known code, throttling codes, an unreadable 2xx</description></item>
/// <item><term>Submit</term><description>retried only when certainly not processed: no connection, 429 / APIGW.0308, 0202, 0177, 12000060; anything else unclear is an unknown outcome, never resent</description></item>
/// <item><term>Kill, Delete</term><description>as reads: a repeated kill or delete cannot touch another job (an ended job answers 0175, a deleted one is not found)</description></item>
/// </list>
/// </remarks>
public sealed class RetryPolicy
{
    /// <summary>The policy runbooks get by default: 5 retries, 1 s first back-off, 30 s longest, 5 minutes in all.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    /// <summary>No retries at all.</summary>
    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Creates a policy.</summary>
    /// <param name="maxRetries">How many times one request may be tried again (0–20).</param>
    /// <param name="firstDelay">The back-off before the first retry; doubled for each further one.</param>
    /// <param name="longestDelay">The longest back-off. A longer <c>Retry-After</c> is honoured as asked, unless it would pass <paramref name="totalTime"/>: then the request gives up at once.</param>
    /// <param name="totalTime">How long one request may spend in back-off waits in all.</param>
    public RetryPolicy(int maxRetries, TimeSpan firstDelay, TimeSpan longestDelay, TimeSpan totalTime)
    {
        if (maxRetries < 0 || maxRetries > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetries), "Between 0 and 20 retries.");
        }

        MaxRetries = maxRetries;
        FirstDelay = firstDelay;
        LongestDelay = longestDelay;
        TotalTime = totalTime;
    }

    /// <summary>How many times one request may be tried again.</summary>
    public int MaxRetries { get; }

    /// <summary>The back-off before the first retry.</summary>
    public TimeSpan FirstDelay { get; }

    /// <summary>The longest back-off.</summary>
    public TimeSpan LongestDelay { get; }

    /// <summary>How long one request may spend waiting between tries, in all.</summary>
    public TimeSpan TotalTime { get; }

    /// <summary>A copy with another number of retries.</summary>
    public RetryPolicy WithMaxRetries(int maxRetries) => new(maxRetries, FirstDelay, LongestDelay, TotalTime);

    /// <summary>Whether a request of <paramref name="kind"/> that ended with <paramref name="outcome"/> may be sent again.</summary>
    internal static bool MayRetry(RequestKind kind, RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.NotSent => true,
        RequestOutcome.Throttled => true,
        RequestOutcome.Unknown => kind != RequestKind.Submit,
        _ => false,
    };

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first): full back-off times a
    /// random factor between 0.5 and 1 ("equal jitter"), and never less than <paramref name="retryAfter"/>.
    /// </summary>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Min(retry - 1, 16);
        var backOff = TimeSpan.FromTicks((long)Math.Min(LongestDelay.Ticks, FirstDelay.Ticks * Math.Pow(2, exponent)));
        var jittered = TimeSpan.FromTicks((long)(backOff.Ticks * (0.5 + (random / 2))));
        if (retryAfter is { } asked && asked > jittered)
        {
            return asked;
        }

        return jittered;
    }

    /// <inheritdoc />
    public override string ToString() => MaxRetries == 0
        ? "no retries"
        : $"{MaxRetries} retries, back-off {FirstDelay.TotalSeconds:0.#} s to {LongestDelay.TotalSeconds:0.#} s, at most {TotalTime.TotalSeconds:0} s waiting";
}
