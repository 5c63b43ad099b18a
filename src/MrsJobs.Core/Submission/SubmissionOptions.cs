using System;
using MrsJobs.Core.Journal;

namespace MrsJobs.Core.Submission;

/// <summary>How a bulk submission runs.</summary>
internal sealed class SubmissionOptions
{
    /// <summary>The default number of submissions in flight: enough to hide a distant region's latency, few enough that the service seldom answers 0202.</summary>
    public const int DefaultThrottleLimit = 8;

    /// <summary>How many submissions may be in flight at once (1–64).</summary>
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>
    /// Rows admitted ahead of the oldest row not yet handed back (the reorder window): sixteen times the
    /// throttle limit, at least 64, so that a row in a back-off or a lookup does not hold up the others, while
    /// the input is still never read more than that far ahead (a few hundred small objects).
    /// </summary>
    public int Window => Math.Max(ThrottleLimit * 16, 64);

    /// <summary>Where intents and outcomes are written; <c>null</c> for none.</summary>
    internal SubmissionJournal? Journal { get; set; }

    /// <summary>Stops sending after a credentials refusal (shared with the command).</summary>
    public AuthenticationFuse Fuse { get; set; } = new();

    /// <summary>How long after a lost answer the job list is first read (the service may still be recording the job).</summary>
    public TimeSpan ReconcileSettle { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times the job list is read before an outcome is declared unknown.</summary>
    public int ReconcileLooks { get; set; } = 2;

    /// <summary>How far the service's clock may be behind ours: the job list is read from this long before the request.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old an unanswered request of an earlier run must be before a job still absent is sent again (only
    /// on a rerun with the journal; within one run a lost answer is never resent). By default the session's
    /// request timeout (-TimeoutSec): the client waited that long for an answer, so a request older than that
    /// is no longer being worked on by the service.
    /// </summary>
    public TimeSpan? ResendAbsentAfter { get; set; }
}
