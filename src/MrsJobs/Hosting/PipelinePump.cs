using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;

namespace MrsJobs.Hosting;

/// <summary>
/// The bridge from work on other threads to the pipeline thread, for the whole life of a command:
/// workers post typed messages (output, error, warning, verbose, debug, progress) from any thread; the
/// pipeline thread writes them, in the order posted, while it waits for the work in
/// <see cref="RunUntil"/>, or whenever it drains. PowerShell's Write* methods are only ever called there.
/// </summary>
internal sealed class PipelinePump : IDisposable
{
    private readonly BlockingCollection<PipelineMessage> _queue = new();

    /// <summary>Posts a message; safe from any thread. After the command has ended, messages are dropped.</summary>
    public void Post(PipelineStream stream, object? payload)
    {
        try
        {
            _queue.Add(new PipelineMessage(stream, payload));
        }
        catch (InvalidOperationException)
        {
            // Disposed (ObjectDisposedException derives from it): the command is over.
        }
    }

    /// <summary>A trace sink whose lines go through this pump.</summary>
    public IHttpTraceSink TraceSink(bool verboseEnabled, bool debugEnabled) => new QueuedTraceSink(this, verboseEnabled, debugEnabled);

    /// <summary>
    /// Writes messages through <paramref name="write"/> as they arrive until <paramref name="work"/> has
    /// ended, then whatever is left. Runs on the pipeline thread. If writing throws (a stop preference, a
    /// stopped pipeline), the exception goes to the caller and the remaining messages stay queued.
    /// </summary>
    public void RunUntil(Task work, Action<PipelineMessage> write)
    {
        if (!work.IsCompleted)
        {
            work.ContinueWith(_ => Post(PipelineStream.Wake, null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        while (!work.IsCompleted)
        {
            var message = _queue.Take();
            if (message.Stream != PipelineStream.Wake)
            {
                write(message);
            }
        }

        Drain(write);
    }

    /// <summary>Writes every message queued now, without waiting.</summary>
    public void Drain(Action<PipelineMessage> write)
    {
        while (_queue.TryTake(out var message))
        {
            if (message.Stream != PipelineStream.Wake)
            {
                write(message);
            }
        }
    }

    /// <summary>Drops what is queued and refuses further posts.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _queue.Dispose();
    }
}
