namespace MrsJobs.Core.Http;

/// <summary>A sink that drops every line.</summary>
internal sealed class NullTraceSink : IHttpTraceSink
{
    /// <summary>The single instance.</summary>
    public static NullTraceSink Instance { get; } = new();

    private NullTraceSink()
    {
    }

    /// <inheritdoc />
    public bool IsDebugEnabled => false;

    /// <inheritdoc />
    public void Verbose(string message)
    {
    }

    /// <inheritdoc />
    public void Debug(string message)
    {
    }
}
