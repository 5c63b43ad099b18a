using System;
using System.Collections.Concurrent;
using MrsJobs.Core.Http;

namespace MrsJobs.Hosting;

/// <summary>
/// Collects trace lines written on worker threads so that <see cref="MrsCmdletBase"/> can write them
/// from the pipeline thread (PowerShell forbids WriteVerbose/WriteDebug from any other thread).
/// </summary>
internal sealed class QueuedTraceSink : IHttpTraceSink
{
    private readonly BlockingCollection<PipelineMessage> _queue;
    private readonly bool _debugEnabled;

    public QueuedTraceSink(BlockingCollection<PipelineMessage> queue, bool debugEnabled)
    {
        _queue = queue;
        _debugEnabled = debugEnabled;
    }

    public bool IsDebugEnabled => _debugEnabled;

    public void Verbose(string message) => Add(new PipelineMessage(PipelineStream.Verbose, message));

    public void Debug(string message)
    {
        if (_debugEnabled)
        {
            Add(new PipelineMessage(PipelineStream.Debug, message));
        }
    }

    // After the pipeline thread gave up on the operation (it threw while writing), lines are dropped.
    private void Add(PipelineMessage message)
    {
        try
        {
            _queue.Add(message);
        }
        catch (InvalidOperationException)
        {
            // Completed or disposed (ObjectDisposedException derives from it).
        }
    }
}
