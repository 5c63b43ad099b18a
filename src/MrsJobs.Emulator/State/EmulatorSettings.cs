using System;
using System.Threading;

namespace MrsJobs.Emulator.State;

/// <summary>Behaviour switches that tests and the control API may change at run time. Thread-safe.</summary>
public sealed class EmulatorSettings
{
    /// <summary>The most <see cref="LatencyMs"/> may be: one minute.</summary>
    public const int MaxLatencyMs = 60_000;

    private long tokenLifetimeTicks;
    private int argumentCharacterCheck;
    private int listOffsetMode;
    private int latencyMs;
    private JobPlan defaultJobPlan = JobPlan.Default;

    internal EmulatorSettings(EmulatorOptions options) => Reset(options);

    /// <summary>How long tokens from <c>POST /v3/auth/tokens</c> live.</summary>
    public TimeSpan TokenLifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref tokenLifetimeTicks));
        set => Interlocked.Exchange(ref tokenLifetimeTicks, value.Ticks);
    }

    /// <summary>
    /// Whether submissions are refused when an argument contains one of <c>; | &amp; &gt; ' &lt; $ ! "</c>.
    /// On by default, as documented; off emulates the real service's leniency (its own HiveSql example breaks the rule).
    /// </summary>
    public bool ArgumentCharacterCheck
    {
        get => Volatile.Read(ref argumentCharacterCheck) != 0;
        set => Volatile.Write(ref argumentCharacterCheck, value ? 1 : 0);
    }

    /// <summary>What the job list's <c>offset</c> counts, and from which number; the sources disagree, so tests choose.</summary>
    public ListOffsetMode ListOffsetMode
    {
        get => (ListOffsetMode)Volatile.Read(ref listOffsetMode);
        set => Volatile.Write(ref listOffsetMode, (int)ListOffsetModes.Checked(value));
    }

    /// <summary>The timeline of jobs that no job plan matches (its <see cref="JobPlan.JobName"/> is <c>*</c>).</summary>
    public JobPlan DefaultJobPlan
    {
        get => Volatile.Read(ref defaultJobPlan);
        set => Volatile.Write(ref defaultJobPlan, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>
    /// How long every MRS request (<c>/v2/…</c>) waits before it is handled, in milliseconds (0 by default, at most
    /// <see cref="MaxLatencyMs"/>). The wait is real time, not the emulator clock, and does not hold a thread.
    /// </summary>
    public int LatencyMs
    {
        get => Volatile.Read(ref latencyMs);
        set => Volatile.Write(ref latencyMs, value is >= 0 and <= MaxLatencyMs
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"The latency must be from 0 to {MaxLatencyMs} ms."));
    }

    internal void Reset(EmulatorOptions options)
    {
        LatencyMs = 0;
        TokenLifetime = options.TokenLifetime;
        ArgumentCharacterCheck = options.ArgumentCharacterCheck;
        ListOffsetMode = options.ListOffsetMode;
        DefaultJobPlan = options.DefaultJobPlan;
    }
}
