using System.Collections.Generic;
using System.Threading;

namespace MrsJobs.Emulator.State;

/// <summary>
/// Measurements for load tests: MRS requests in flight and their peak, submissions received, faults fired
/// by name. Thread-safe; the request counters are lock-free (<see cref="Interlocked"/>).
/// </summary>
public sealed class EmulatorStats
{
    private readonly object gate = new();
    private readonly Dictionary<string, long> faultsFired = new(System.StringComparer.Ordinal);
    private long inFlight;
    private long peakInFlight;
    private long submissionsReceived;

    internal EmulatorStats()
    {
    }

    /// <summary>MRS requests (<c>/v2/…</c>) being handled now, their latency wait included.</summary>
    public long InFlight => Interlocked.Read(ref inFlight);

    /// <summary>The highest <see cref="InFlight"/> seen since the last reset.</summary>
    public long PeakInFlight => Interlocked.Read(ref peakInFlight);

    /// <summary>Submission requests (<c>POST …/job-executions</c>) received since the last reset, refused ones included.</summary>
    public long SubmissionsReceived => Interlocked.Read(ref submissionsReceived);

    /// <summary>How often each fault fired since the last reset, by <see cref="FaultRule.StatsName"/>.</summary>
    /// <returns>A snapshot, names in ordinal order.</returns>
    public IReadOnlyDictionary<string, long> GetFaultsFired()
    {
        lock (gate)
        {
            return new SortedDictionary<string, long>(faultsFired, System.StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Sets the peak to the requests in flight now and the submission and fault counters to 0. Requests in
    /// flight are not forgotten: they still end.
    /// </summary>
    public void Reset()
    {
        Interlocked.Exchange(ref peakInFlight, InFlight);
        Interlocked.Exchange(ref submissionsReceived, 0);
        lock (gate)
        {
            faultsFired.Clear();
        }
    }

    internal void RequestStarted()
    {
        var now = Interlocked.Increment(ref inFlight);
        var peak = Interlocked.Read(ref peakInFlight);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    internal void RequestEnded() => Interlocked.Decrement(ref inFlight);

    internal void SubmissionReceived() => Interlocked.Increment(ref submissionsReceived);

    internal void FaultFired(string name)
    {
        lock (gate)
        {
            faultsFired[name] = faultsFired.GetValueOrDefault(name) + 1;
        }
    }
}
