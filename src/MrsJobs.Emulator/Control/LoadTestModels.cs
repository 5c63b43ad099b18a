using System.Collections.Generic;

namespace MrsJobs.Emulator.Control;

/// <summary>
/// Body of <c>PUT /_emulator/fault-mix</c>: <c>seed</c> and <c>rates</c> required, <c>operation</c> only
/// <c>submit</c> (the default), <c>retry_after_seconds</c> the <c>Retry-After</c> of <c>throttle_429</c> (default 1).
/// </summary>
internal sealed record FaultMixBody(
    int? Seed,
    string? Operation,
    IReadOnlyDictionary<string, double>? Rates,
    int? RetryAfterSeconds);

/// <summary>Reply of <c>GET</c> and <c>PUT /_emulator/fault-mix</c>: the mix in force and the draws taken since it was set.</summary>
internal sealed record FaultMixView(
    int Seed,
    string Operation,
    IReadOnlyDictionary<string, double> Rates,
    int? RetryAfterSeconds,
    long Draws);

/// <summary>Reply of <c>GET /_emulator/stats</c>.</summary>
internal sealed record StatsView(
    int JobsTotal,
    IReadOnlyDictionary<string, int> JobsByNameOverOne,
    long PeakInFlight,
    long InFlight,
    long SubmissionsReceived,
    IReadOnlyDictionary<string, long> FaultsFired);

/// <summary>Reply of <c>GET /_emulator/job-counts?name=…</c>: how many stored jobs have exactly that name.</summary>
internal sealed record JobCountView(string Name, int Count);
