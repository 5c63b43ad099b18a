namespace MrsJobs.Core.Errors;

/// <summary>What the client knows about one error code: its kind and what to tell the user.</summary>
internal sealed class ErrorInfo
{
    /// <summary>Creates an entry.</summary>
    public ErrorInfo(MrsErrorKind kind, string? advice = null)
    {
        Kind = kind;
        Advice = advice;
    }

    /// <summary>The kind of failure.</summary>
    public MrsErrorKind Kind { get; }

    /// <summary>Advice; <c>{cluster}</c> and <c>{project}</c> are replaced with the request's values.</summary>
    public string? Advice { get; }
}
