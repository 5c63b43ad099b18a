namespace MrsJobs.Hosting;

/// <summary>The streams a background operation may write to through the pipeline thread.</summary>
internal enum PipelineStream
{
    Verbose,
    Debug,
}

/// <summary>One line waiting to be written on the pipeline thread.</summary>
internal readonly struct PipelineMessage
{
    public PipelineMessage(PipelineStream stream, string text)
    {
        Stream = stream;
        Text = text;
    }

    public PipelineStream Stream { get; }

    public string Text { get; }
}
