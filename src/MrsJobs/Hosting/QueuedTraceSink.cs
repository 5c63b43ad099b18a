using MrsJobs.Core.Http;

namespace MrsJobs.Hosting;

/// <summary>
/// Trace lines written on worker threads, posted to the command's <see cref="PipelinePump"/> so that
/// they are written from the pipeline thread (PowerShell forbids WriteVerbose/WriteDebug from any other).
/// </summary>
internal sealed class QueuedTraceSink : IHttpTraceSink
{
    private readonly PipelinePump _pump;

    private readonly bool _verboseEnabled;

    public QueuedTraceSink(PipelinePump pump, bool verboseEnabled, bool debugEnabled)
    {
        _pump = pump;
        _verboseEnabled = verboseEnabled;
        IsDebugEnabled = debugEnabled;
    }

    public bool IsDebugEnabled { get; }

    public void Verbose(string message)
    {
        if (_verboseEnabled)
        {
            _pump.Post(PipelineStream.Verbose, message);
        }
    }

    public void Debug(string message)
    {
        if (IsDebugEnabled)
        {
            _pump.Post(PipelineStream.Debug, message);
        }
    }
}
