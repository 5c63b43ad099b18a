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
/// <remarks>
/// The pipeline thread waits without spinning (a bulk submission keeps it waiting for room most of the
/// time, and on a small machine a spinning wait takes the CPU the requests need).
/// </remarks>
internal sealed class PipelinePump : IDisposable
{
    private readonly ConcurrentQueue<PipelineMessage> _queue = new();
    private readonly ManualResetEventSlim _posted = new(false, spinCount: 1);
    private volatile bool _closed;

    /// <summary>Posts a message; safe from any thread. After the command has ended, messages are dropped.</summary>
    public void Post(PipelineStream stream, object? payload)
    {
        if (_closed)
        {
            return;
        }

        _queue.Enqueue(new PipelineMessage(stream, payload));
        try
        {
            _posted.Set();
        }
        catch (ObjectDisposedException)
        {
            // The command is over.
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
            var message = Take();
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
        while (_queue.TryDequeue(out var message))
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
        _closed = true;
        _posted.Dispose();
    }

    // The next message, waiting for one to be posted. Reset, then look again, then wait: a message posted
    // between the first look and the reset is found by the second look; one posted after it sets the event.
    private PipelineMessage Take()
    {
        while (true)
        {
            if (_queue.TryDequeue(out var message))
            {
                return message;
            }

            _posted.Reset();
            if (_queue.TryDequeue(out message))
            {
                return message;
            }

            _posted.Wait();
        }
    }
}
