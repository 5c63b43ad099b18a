using System;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// The emulator's clock in tests: the system clock until <see cref="Freeze"/>, then still until
/// <see cref="Advance"/> moves it; <see cref="Release"/> returns to the system clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset? frozen;

    /// <summary>Stops the clock at the current system time and returns that time.</summary>
    public DateTimeOffset Freeze()
    {
        lock (gate)
        {
            frozen = DateTimeOffset.UtcNow;
            return frozen.Value;
        }
    }

    /// <summary>Moves a frozen clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            frozen = (frozen ?? throw new InvalidOperationException("Freeze the clock first.")) + by;
        }
    }

    /// <summary>Moves a frozen clock forward by milliseconds.</summary>
    public void AdvanceMs(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Returns to the system clock.</summary>
    public void Release()
    {
        lock (gate)
        {
            frozen = null;
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return frozen ?? DateTimeOffset.UtcNow;
        }
    }
}
