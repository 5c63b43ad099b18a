using System.Collections.Generic;

namespace MrsJobs.Emulator.State;

/// <summary>The IAM and MRS requests received since the last clear, in arrival order. Thread-safe.</summary>
public sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<RecordedRequest> requests = new();

    internal RequestLog()
    {
    }

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
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }
}
