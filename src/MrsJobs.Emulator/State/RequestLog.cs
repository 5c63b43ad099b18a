using System.Collections.Generic;
using System.Threading;

namespace MrsJobs.Emulator.State;

/// <summary>
/// The IAM and MRS requests received since the last clear, in arrival order, at most the last
/// <see cref="Capacity"/> of them (older ones are dropped, so a 100,000-submission benchmark does not grow the
/// emulator's memory without bound). Thread-safe.
/// </summary>
public sealed class RequestLog
{
    /// <summary>How many requests are kept; the oldest is dropped to make room.</summary>
    public const int Capacity = 20_000;

    private readonly object gate = new();
    private readonly Queue<RecordedRequest> requests = new();
    private long dropped;

    internal RequestLog()
    {
    }

    /// <summary>How many requests were dropped since the last clear because the log was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Lists the recorded requests, oldest first.</summary>
    /// <returns>A snapshot of the log.</returns>
    public IReadOnlyList<RecordedRequest> GetAll()
    {
        lock (gate)
        {
            return requests.ToArray();
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
            Interlocked.Exchange(ref dropped, 0);
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (gate)
        {
            if (requests.Count >= Capacity)
            {
                requests.Dequeue();
                Interlocked.Increment(ref dropped);
            }

            requests.Enqueue(request);
        }
    }
}
