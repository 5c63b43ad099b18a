using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.State;

/// <summary>The wire names of <see cref="FaultKind"/> (snake_case), used by the control API and the stats.</summary>
public static class FaultKinds
{
    private static readonly IReadOnlyDictionary<FaultKind, string> Names = new Dictionary<FaultKind, string>
    {
        [FaultKind.Error] = "error",
        [FaultKind.DropBeforeRecord] = "drop_before_record",
        [FaultKind.DropAfterRecord] = "drop_after_record",
        [FaultKind.Html502AfterRecord] = "html_502_after_record",
        [FaultKind.TruncatedJsonAfterRecord] = "truncated_json_after_record",
        [FaultKind.Throttle429] = "throttle_429",
    };

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<FaultKind>().Select(k => Names[k]).ToArray();

    /// <summary>The wire name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its snake_case name.</returns>
    public static string Name(FaultKind kind) => Names[kind];

    /// <summary>The message of <see cref="FaultKind.Throttle429"/>, as the API gateway words it.</summary>
    public const string ThrottleMessage = "The throttling threshold has been reached";

    /// <summary>
    /// The rule of a kind whose answer is fixed (every kind but <see cref="FaultKind.Error"/>): 429 <c>APIGW.0308</c> in the
    /// gateway shape with <c>Retry-After</c> (default 1 s) for <see cref="FaultKind.Throttle429"/>, 502 for the HTML page,
    /// 200 for the truncated JSON, 0 (no answer) for the drops.
    /// </summary>
    /// <param name="kind">The kind; not <see cref="FaultKind.Error"/>.</param>
    /// <param name="clusterId">The cluster, or <see langword="null"/> for any.</param>
    /// <param name="count">How many requests it answers.</param>
    /// <param name="operation">The request it answers.</param>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> of <see cref="FaultKind.Throttle429"/>; 1 when <see langword="null"/>.</param>
    /// <param name="retryAfterHttpDate">Whether that <c>Retry-After</c> is an HTTP date.</param>
    /// <returns>The rule.</returns>
    public static FaultRule FixedRule(
        FaultKind kind, string? clusterId, int count, FaultOperation operation, int? retryAfterSeconds = null, bool retryAfterHttpDate = false) => kind switch
    {
        FaultKind.Throttle429 => new FaultRule(
            clusterId, count, 429, "APIGW.0308", ThrottleMessage, FaultShape.Apig, retryAfterSeconds ?? 1, operation, kind, retryAfterHttpDate),
        FaultKind.Html502AfterRecord => new FaultRule(clusterId, count, 502, string.Empty, "Bad Gateway", FaultShape.JobSubmitResult, null, operation, kind),
        FaultKind.TruncatedJsonAfterRecord => new FaultRule(clusterId, count, 200, string.Empty, "Truncated answer", FaultShape.JobSubmitResult, null, operation, kind),
        FaultKind.Error => throw new System.ArgumentException("An error fault has no fixed answer.", nameof(kind)),
        _ => new FaultRule(clusterId, count, 0, string.Empty, "Connection dropped", FaultShape.JobSubmitResult, null, operation, kind),
    };

    /// <summary>Parses a wire name; <see langword="null"/> or empty is <see cref="FaultKind.Error"/>.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? text, out FaultKind kind)
    {
        kind = FaultKind.Error;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var (k, name) in Names)
        {
            if (name == text)
            {
                kind = k;
                return true;
            }
        }

        return false;
    }
}
