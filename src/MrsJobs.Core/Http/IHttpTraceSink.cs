namespace MrsJobs.Core.Http;

/// <summary>
/// Receives already-redacted trace lines: what is called (verbose) and the headers and bodies (debug).
/// The PowerShell layer queues them to the pipeline thread; tests collect them.
/// </summary>
internal interface IHttpTraceSink
{
    /// <summary>Whether debug lines are wanted; when not, they are not even built.</summary>
    bool IsDebugEnabled { get; }

    /// <summary>A line for <c>-Verbose</c>: method, URL, status, time.</summary>
    void Verbose(string message);

    /// <summary>A line for <c>-Debug</c>: redacted headers and bodies.</summary>
    void Debug(string message);
}
