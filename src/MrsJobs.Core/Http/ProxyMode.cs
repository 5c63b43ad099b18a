namespace MrsJobs.Core.Http;

/// <summary>Where a session's proxy comes from.</summary>
internal enum ProxyMode
{
    /// <summary>The system's: HTTP_PROXY, HTTPS_PROXY and NO_PROXY on Linux and macOS, the system settings on Windows (the default).</summary>
    System,

    /// <summary>The one given with <c>Connect-MrsProject -Proxy</c>.</summary>
    Explicit,

    /// <summary>None at all (<c>Connect-MrsProject -NoProxy</c>).</summary>
    None,
}
