using System;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Auth;

/// <summary>
/// Credentials that expire and are fetched again before then, shared by every request of a session: readers on
/// any thread see the current value and its expiry as one (<see cref="Current"/>), renewals are serialized, and a
/// renewal asked for by a request that saw an older <see cref="Generation"/> is skipped (another request renewed
/// meanwhile). When they are due is a <see cref="RenewalMargin"/>: the SDKs' rule unless another is given.
/// </summary>
/// <typeparam name="T">What is renewed (temporary keys, a token).</typeparam>
internal sealed class RenewableCredential<T>
    where T : class
{
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly RenewalMargin _margin;
    private Issued _current;
    private int _generation;

    /// <summary>Starts with <paramref name="first"/>, received now; due by <paramref name="margin"/> (<see cref="RenewalMargin.Sdk"/> by default).</summary>
    public RenewableCredential(T first, DateTimeOffset expiresAt, TimeProvider clock, RenewalMargin? margin = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _margin = margin ?? RenewalMargin.Sdk;
        _current = new Issued(first, expiresAt, _clock.GetUtcNow());
    }

    /// <summary>The current value.</summary>
    public T Current => Volatile.Read(ref _current).Value;

    /// <summary>When the current value expires.</summary>
    public DateTimeOffset ExpiresAt => Volatile.Read(ref _current).ExpiresAt;

    /// <summary>Counts renewals.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary><c>true</c> once the margin is reached (see <see cref="RenewalMargin"/>), or the value has expired.</summary>
    public bool IsDue(DateTimeOffset now)
    {
        var current = Volatile.Read(ref _current);
        return _margin.IsDue(current.ReceivedAt, current.ExpiresAt, now);
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
