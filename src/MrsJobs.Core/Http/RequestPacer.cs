using System;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Http;

/// <summary>
/// Spaces requests evenly, at most <see cref="PerSecond"/> a second across every caller that shares it
/// (a session keeps one for its polling reads, so two waits in two runspaces do not add up to a burst).
/// Waits are on the session's clock and end at once when cancelled.
/// </summary>
internal sealed class RequestPacer
{
    private readonly object _gate = new();
    private readonly TimeSpan _spacing;
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private long _turns;

    public RequestPacer(double perSecond)
    {
        PerSecond = perSecond;
        _spacing = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / perSecond));
    }

    /// <summary>The most requests a second.</summary>
    public double PerSecond { get; }

    /// <summary>How many turns were taken in all: with one turn per request, the requests paced so far.</summary>
    public long TurnsTaken => Interlocked.Read(ref _turns);

    /// <summary>Waits until the caller's turn comes, and takes it.</summary>
    public Task WaitTurnAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var turn = _next > now ? _next : now;
            _next = turn + _spacing;
            wait = turn - now;
            Interlocked.Increment(ref _turns);
        }

        return wait > TimeSpan.Zero ? clock.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
