using System;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;

namespace MrsJobs.Core.Sessions;

/// <summary>How a session talks to the service: per-request timeout, retry policy and clock (<c>Connect-MrsProject -TimeoutSec -MaxRetries</c>).</summary>
public sealed class SessionOptions
{
    /// <summary>How long one request may take (default 100 seconds, as <c>Invoke-RestMethod</c>).</summary>
    public TimeSpan Timeout { get; set; } = MrsHttpPipeline.DefaultTimeout;

    /// <summary>What is retried and how (default <see cref="RetryPolicy.Default"/>).</summary>
    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    /// <summary>Every clock read and wait of the session; the system clock unless a test gives another.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// The endpoints as <c>Connect-MrsProject</c> found them (<see cref="EndpointChain"/>), with their sources.
    /// When set, the session factory uses them instead of deriving endpoints from its region and endpoint arguments
    /// with the region table alone.
    /// </summary>
    internal SessionEndpoints? Endpoints { get; set; }
    /// <summary>Which proxy all the session's requests (MRS and IAM) go through: the system's settings unless <c>-Proxy</c> or <c>-NoProxy</c> says otherwise.</summary>
    internal ProxyConfiguration Proxy { get; set; } = ProxyConfiguration.System;
}
