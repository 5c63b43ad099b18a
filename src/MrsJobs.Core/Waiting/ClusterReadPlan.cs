using System;
using System.Collections.Generic;
using MrsJobs.Core.Api;

namespace MrsJobs.Core.Waiting;

/// <summary>
/// How one round reads the jobs of one cluster: by listing the cluster's jobs submitted within a time
/// window (then showing each job the list did not show), or by showing each job.
/// </summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="Jobs">The jobs still waited for on it, in arrival order.</param>
/// <param name="Lists"><c>true</c> to list the cluster's jobs; <c>false</c> to show each job.</param>
/// <param name="SubmittedAfter">The list's lower bound on the submission time (service clock); <c>null</c> for none.</param>
/// <param name="SubmittedBefore">The list's upper bound on the submission time (service clock); <c>null</c> for none.</param>
internal sealed record ClusterReadPlan(
    string ClusterId,
    IReadOnlyList<WatchedJob> Jobs,
    bool Lists,
    DateTimeOffset? SubmittedAfter,
    DateTimeOffset? SubmittedBefore)
{
    /// <summary>
    /// The most pages the list may read before the jobs it has not shown yet are shown one by one: as
    /// many as there are jobs, so a list never costs more than showing every job would, plus the shows.
    /// </summary>
    public int PageBudget => Jobs.Count;

    /// <summary>The list query of this plan: the cluster's jobs in the window, newest first, full pages.</summary>
    public JobListQuery ToQuery() => new()
    {
        ClusterId = ClusterId,
        SubmittedAfter = SubmittedAfter,
        SubmittedBefore = SubmittedBefore,
        PageSize = JobListQuery.DefaultPageSize,
    };
}
