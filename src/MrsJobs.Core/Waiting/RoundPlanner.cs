using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Waiting;

/// <summary>
/// Decides how a round reads the jobs still waited for: per cluster, one list of the cluster's jobs
/// (ShowJobExeListNew, up to 100 jobs a page) or one show per job (ShowSingleJobExe). Both cost one
/// request each under the session's read pacer, so a list pays off as soon as its pages are fewer than
/// the jobs it covers.
/// </summary>
/// <remarks>
/// <para>The list is narrowed by submission time only, never by state: a job that ended since the last
/// round must still be seen once, and a list of unfinished jobs would leave out exactly those, one show
/// each to find out how they ended. The window runs from the earliest to the latest submission of the
/// jobs still waited for (as the service reported them, so on the service's clock) with a margin either
/// side, and narrows as the earliest jobs end. Until every job's submission time is known (the first
/// round), the list is bounded below by the earliest submission known (none in the first round) and
/// above by the service's time now (from the session's clock offset), so jobs submitted meanwhile do not
/// shift its pages; it reads newest first and stops as soon as every job was seen.</para>
/// <para>A cluster is listed when at least <see cref="MinJobsToList"/> of its jobs are waited for and
/// its last list cost fewer requests than there are jobs now; otherwise each job is shown.</para>
/// </remarks>
internal static class RoundPlanner
{
    /// <summary>
    /// The fewest jobs on one cluster for which a round lists the cluster's jobs rather than showing each.
    /// For two jobs a list saves at most one request a round, and none when it misses one of them (a show
    /// on top), while its page carries the details of every job in the window; from three jobs on a
    /// one-page list costs a third of the shows or less, and each further job is free until the page is full.
    /// </summary>
    public const int MinJobsToList = 3;

    /// <summary>
    /// Added to either side of the time window: the bounds come from the service's own submission times,
    /// so no clock skew applies, but the service may compare them at a coarser precision than it reports.
    /// The same margin is added to the service's time now for the first round's upper bound.
    /// </summary>
    public static readonly TimeSpan WindowMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The round's plans, one per cluster with jobs still waited for, in the order the clusters' first jobs came in.
    /// Cluster ids are compared ignoring case, as <see cref="JobWatchList"/> and <see cref="ClusterListings"/> do;
    /// a plan names the cluster as its first job did.
    /// </summary>
    /// <param name="pending">The jobs still waited for, in arrival order.</param>
    /// <param name="listings">What earlier rounds learned about listing each cluster.</param>
    /// <param name="serviceNow">The service's time now (our clock plus its known offset); <c>null</c> when its clock is unknown.</param>
    public static IReadOnlyList<ClusterReadPlan> Plan(IEnumerable<WatchedJob> pending, ClusterListings listings, DateTimeOffset? serviceNow) =>
        pending
            .GroupBy(job => job.ClusterId, StringComparer.OrdinalIgnoreCase)
            .Select(cluster => PlanCluster(cluster.Key, cluster.ToList(), listings, serviceNow))
            .ToList();

    /// <summary><c>true</c> when a round should list the cluster's jobs rather than show each of <paramref name="jobs"/> jobs.</summary>
    public static bool ShouldList(string clusterId, int jobs, ClusterListings listings) =>
        jobs >= MinJobsToList
        && !listings.ShowsOnly(clusterId)
        && (listings.LastCost(clusterId) is not { } cost || cost < jobs);

    private static ClusterReadPlan PlanCluster(string clusterId, IReadOnlyList<WatchedJob> jobs, ClusterListings listings, DateTimeOffset? serviceNow)
    {
        if (!ShouldList(clusterId, jobs.Count, listings))
        {
            return new ClusterReadPlan(clusterId, jobs, Lists: false, null, null);
        }

        // A job never read yet may have been submitted at any time up to now: the window stays open above
        // (to the service's time now) until every job was read once. One submitted before the earliest
        // known one is not listed; it is shown, as any job the list does not show.
        var known = jobs.Select(job => job.Last?.SubmittedAt?.Value).Where(time => time is not null).ToList();
        var after = known.Count > 0 ? known.Min() - WindowMargin : null;
        var before = known.Count == jobs.Count ? known.Max() + WindowMargin : serviceNow + WindowMargin;
        return new ClusterReadPlan(clusterId, jobs, Lists: true, after, before);
    }
}
