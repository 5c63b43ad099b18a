namespace MrsJobs.Hosting;

/// <summary>The streams work on other threads may write to, through the pipeline thread.</summary>
internal enum PipelineStream
{
    /// <summary>An output object.</summary>
    Output,

    /// <summary>An ErrorRecord (non-terminating).</summary>
    Error,

    /// <summary>A warning line.</summary>
    Warning,

    /// <summary>A verbose line.</summary>
    Verbose,

    /// <summary>A debug line.</summary>
    Debug,

    /// <summary>A ProgressRecord.</summary>
    Progress,

    /// <summary>Nothing to write: wakes the pipeline thread when the work it waits for has ended.</summary>
    Wake,
}

/// <summary>One typed message waiting to be written on the pipeline thread.</summary>
internal readonly struct PipelineMessage
{
    public PipelineMessage(PipelineStream stream, object? payload)
    {
        Stream = stream;
        Payload = payload;
    }

    public PipelineStream Stream { get; }

    /// <summary>The object, ErrorRecord, ProgressRecord or text to write.</summary>
    public object? Payload { get; }

    /// <summary>The payload as text (verbose, debug, warning).</summary>
    public string Text => Payload as string ?? string.Empty;
}
