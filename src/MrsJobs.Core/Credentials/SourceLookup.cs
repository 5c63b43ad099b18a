namespace MrsJobs.Core.Credentials;

/// <summary>What one source of the chain yielded: credentials, or the place it looked and why it had none.</summary>
internal sealed class SourceLookup
{
    private SourceLookup(ChainCredentials? credentials, string place, string? reason)
    {
        Credentials = credentials;
        Place = place;
        Reason = reason;
    }

    /// <summary>The credentials found; <c>null</c> when the source had none.</summary>
    public ChainCredentials? Credentials { get; }

    /// <summary>Where the source looked, e.g. <c>environment variables HUAWEICLOUD_SDK_AK/SK</c>.</summary>
    public string Place { get; }

    /// <summary>Why it had none (<c>not set</c>, <c>not found</c>, …).</summary>
    public string? Reason { get; }

    /// <summary>The place and the reason, for the chain's "looked in" list.</summary>
    public string Description => Reason is null ? Place : $"{Place} ({Reason})";

    /// <summary>The source had credentials.</summary>
    public static SourceLookup Found(ChainCredentials credentials) => new(credentials, credentials.Source, null);

    /// <summary>The source had none; not an error, the chain goes on.</summary>
    public static SourceLookup Missing(string place, string reason) => new(null, place, reason);
}
