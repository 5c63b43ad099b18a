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
    /// Where the session factories find the endpoints for the region they know (<see cref="EndpointChain.Locate"/>):
    /// the parameters and the SDKs' table alone unless set; <c>Connect-MrsProject</c> gives the chain over this
    /// process's environment and regions file (<see cref="EndpointChain.ForCurrentProcess"/>).
    /// </summary>
    internal EndpointChain EndpointChain { get; set; } = EndpointChain.RegionTableOnly;

    /// <summary>Which proxy all the session's requests (MRS and IAM) go through: the system's settings unless <c>-Proxy</c> or <c>-NoProxy</c> says otherwise.</summary>
    internal ProxyConfiguration Proxy { get; set; } = ProxyConfiguration.System;
}
