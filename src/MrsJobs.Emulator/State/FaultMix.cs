using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>
/// A random mix of submission faults for load tests, deterministic by seed: every submission that reaches the
/// fault stage with no queued fault draws once from <see cref="Random"/>(seed), under a lock, so the same seed and
/// rates give the same sequence of outcomes. Thread-safe.
/// </summary>
public sealed class FaultMix
{
    /// <summary>The mix name of the 500 <c>0202</c> refusal (too many submissions).</summary>
    public const string Code0202 = "code_0202";

    /// <summary>The message of the <c>0202</c> refusal.</summary>
    public const string Code0202Message = "Too many jobs are being submitted, please try again later.";

    private readonly object gate = new();
    private FaultMixSettings? settings;
    private Random? random;
    private long draws;

    internal FaultMix()
    {
    }

    /// <summary>The names a mix may give rates to, in the order the draw walks them.</summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        FaultKinds.Name(FaultKind.Throttle429),
        Code0202,
        FaultKinds.Name(FaultKind.DropBeforeRecord),
        FaultKinds.Name(FaultKind.DropAfterRecord),
        FaultKinds.Name(FaultKind.Html502AfterRecord),
        FaultKinds.Name(FaultKind.TruncatedJsonAfterRecord),
    };

    /// <summary>The mix in force, or <see langword="null"/>.</summary>
    public FaultMixSettings? Current
    {
        get
        {
            lock (gate)
            {
                return settings;
            }
        }
    }

    /// <summary>Draws taken since the mix was set.</summary>
    public long Draws
    {
        get
        {
            lock (gate)
            {
                return draws;
            }
        }
    }

    /// <summary>Checks a mix: known names, rates from 0 to 1 summing to at most 1, <c>retry_after_seconds</c> ≥ 0.</summary>
    /// <param name="mix">The mix.</param>
    /// <returns>What is wrong, or <see langword="null"/>.</returns>
    public static string? Validate(FaultMixSettings mix)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (mix.Rates.Keys.FirstOrDefault(k => !Names.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return $"Unknown fault '{unknown}' in rates: use {string.Join(", ", Names)}.";
        }

        if (mix.Rates.FirstOrDefault(r => !(r.Value >= 0 && r.Value <= 1)) is { Key: not null } bad)
        {
            return $"rates.{bad.Key} must be from 0 to 1.";
        }

        if (mix.Rates.Values.Sum() > 1 + 1e-9)
        {
            return "The rates must add up to at most 1.";
        }

        return mix.RetryAfterSeconds < 0 ? "retry_after_seconds must be at least 0." : null;
    }

    /// <summary>Puts a mix in force, with a fresh <see cref="Random"/> of its seed.</summary>
    /// <param name="mix">The mix; see <see cref="Validate"/>.</param>
    /// <exception cref="ArgumentException">The mix is not valid.</exception>
    public void Set(FaultMixSettings mix)
    {
        if (Validate(mix) is { } error)
        {
            throw new ArgumentException(error, nameof(mix));
        }

        lock (gate)
        {
            settings = mix;
            random = new Random(mix.Seed);
            draws = 0;
        }
    }

    /// <summary>Removes the mix.</summary>
    public void Clear()
    {
        lock (gate)
        {
            settings = null;
            random = null;
            draws = 0;
        }
    }

    /// <summary>Draws once: the fault to answer a submission with, or <see langword="null"/> (none, or no mix).</summary>
    /// <returns>The fault, or <see langword="null"/>.</returns>
    public FaultRule? Draw()
    {
        string? name = null;
        int? retryAfter;
        lock (gate)
        {
            if (settings is null || random is null)
            {
                return null;
            }

            draws++;
            retryAfter = settings.RetryAfterSeconds;
            var roll = random.NextDouble();
            var bound = 0.0;
            foreach (var candidate in Names)
            {
                bound += settings.Rates.GetValueOrDefault(candidate);
                if (roll < bound)
                {
                    name = candidate;
                    break;
                }
            }
        }

        return name switch
        {
            null => null,
            Code0202 => new FaultRule(null, 1, 500, "0202", Code0202Message, FaultShape.JobSubmitResult, null),
            _ => FaultKinds.TryParse(name, out var kind)
                ? FaultKinds.FixedRule(kind, null, 1, FaultOperation.Submit, retryAfter)
                : null,
        };
    }
}

/// <summary>A fault mix: the seed, each fault's probability per submission, and the <c>Retry-After</c> of <c>throttle_429</c>.</summary>
/// <param name="Seed">The seed of the <see cref="Random"/>.</param>
/// <param name="Rates">Probability per name of <see cref="FaultMix.Names"/>; names left out never fire.</param>
/// <param name="RetryAfterSeconds">The <c>Retry-After</c> of <c>throttle_429</c>; 1 when <see langword="null"/>.</param>
public sealed record FaultMixSettings(int Seed, IReadOnlyDictionary<string, double> Rates, int? RetryAfterSeconds);
