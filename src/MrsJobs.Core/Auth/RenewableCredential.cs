using System;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Auth;

/// <summary>
/// Credentials that expire and are fetched again before then, shared by every request of a session: readers on
/// any thread see the current value and its expiry as one (<see cref="Current"/>), renewals are serialized, and a
/// renewal asked for by a request that saw an older <see cref="Generation"/> is skipped (another request renewed
/// meanwhile). The SDKs renew when less than 60 seconds are left (Go <c>basic_icredential.go</c>
/// <c>needUpdateSecurityToken</c>/<c>needUpdateAuthToken</c>: <c>expiredAt - now &lt; 60</c>; Python
/// <c>credentials.py</c> likewise); credentials that live less than four minutes are renewed when a quarter of
/// their life is left instead, so that short-lived ones are not fetched before every request.
/// </summary>
/// <typeparam name="T">What is renewed (temporary keys, a token).</typeparam>
internal sealed class RenewableCredential<T>
    where T : class
{
    /// <summary>How long before expiry the SDKs renew.</summary>
    public static readonly TimeSpan SdkMargin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly TimeProvider _clock;
    private Issued _current;
    private int _generation;

    /// <summary>Starts with <paramref name="first"/>, received now.</summary>
    public RenewableCredential(T first, DateTimeOffset expiresAt, TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _current = new Issued(first, expiresAt, _clock.GetUtcNow());
    }

    /// <summary>The current value.</summary>
    public T Current => Volatile.Read(ref _current).Value;

    /// <summary>When the current value expires.</summary>
    public DateTimeOffset ExpiresAt => Volatile.Read(ref _current).ExpiresAt;

    /// <summary>Counts renewals.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary><c>true</c> once less than the margin is left (60 seconds, or a quarter of the life of short-lived credentials), or nothing.</summary>
    public bool IsDue(DateTimeOffset now)
    {
        var current = Volatile.Read(ref _current);
        var life = current.ExpiresAt - current.ReceivedAt;
        var margin = TimeSpan.FromTicks(Math.Min(SdkMargin.Ticks, Math.Max(0, life.Ticks / 4)));
        var left = current.ExpiresAt - now;
        return left < margin || left <= TimeSpan.Zero;
    }

    /// <summary>
    /// Fetches a new value, unless another caller renewed since <paramref name="seenGeneration"/>, and hands the value it
    /// replaced to <paramref name="replaced"/> (still under the renewal lock).
    /// </summary>
    public async Task RenewAsync(int seenGeneration, Func<Task<(T Value, DateTimeOffset ExpiresAt)>> fetch, CancellationToken cancellationToken, Action<T>? replaced = null)
    {
        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Generation != seenGeneration)
            {
                return;
            }

            var (value, expiresAt) = await fetch().ConfigureAwait(false);
            var old = Volatile.Read(ref _current).Value;
            Volatile.Write(ref _current, new Issued(value, expiresAt, _clock.GetUtcNow()));
            Interlocked.Increment(ref _generation);
            replaced?.Invoke(old);
        }
        finally
        {
            _renewing.Release();
        }
    }

    // The value, its expiry and when it was received, swapped as one so that readers never see a mix.
    private sealed class Issued
    {
        public Issued(T value, DateTimeOffset expiresAt, DateTimeOffset receivedAt)
        {
            Value = value;
            ExpiresAt = expiresAt;
            ReceivedAt = receivedAt;
        }

        public T Value { get; }

        public DateTimeOffset ExpiresAt { get; }

        public DateTimeOffset ReceivedAt { get; }
    }
}
