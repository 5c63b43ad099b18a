using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Http;

namespace MrsJobs.Tests.Support;

/// <summary>Collects the verbose and debug lines a call traces, for "what was shown" checks.</summary>
internal sealed class CollectingTraceSink : IHttpTraceSink
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Every line, verbose and debug, in order.</summary>
    public IReadOnlyList<string> Lines => lines.ToList();

    /// <summary>All lines as one text.</summary>
    public string Text => string.Join("\n", lines);

    /// <inheritdoc />
    public bool IsDebugEnabled => true;

    /// <inheritdoc />
    public void Verbose(string message) => lines.Enqueue(message);

    /// <inheritdoc />
    public void Debug(string message) => lines.Enqueue(message);
}
