using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Models;
using MrsJobs.Core.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary>Which clusters a round lists, which jobs it shows, and the time window of each list.</summary>
public class RoundPlannerTests
{
    private static readonly DateTimeOffset ServiceNow = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ShowsEachJobOfAClusterWithFewerJobsThanTheThreshold()
    {
        var jobs = Watch(("a", RoundPlanner.MinJobsToList - 1));

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.False(plan.Lists);
        Assert.Equal(jobs.Pending, plan.Jobs);
    }

    [Fact]
    public void ListsAClusterFromTheThresholdOnWithoutALowerBoundWhileSubmissionTimesAreUnknown()
    {
        var jobs = Watch(("a", RoundPlanner.MinJobsToList));

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.True(plan.Lists);
        Assert.Null(plan.SubmittedAfter);
        Assert.Equal(ServiceNow + RoundPlanner.WindowMargin, plan.SubmittedBefore);
        Assert.Equal(RoundPlanner.MinJobsToList, plan.PageBudget);
    }

    [Fact]
    public void LeavesTheFirstListOpenAboveWhenTheServiceClockIsUnknown()
    {
        var jobs = Watch(("a", 5));

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, serviceNow: null));

        Assert.True(plan.Lists);
        Assert.Null(plan.SubmittedBefore);
    }

    [Fact]
    public void NarrowsTheListToTheSubmissionsOfTheJobsStillWaitedForOnceAllAreKnown()
    {
        var jobs = Watch(("a", 4));
        var times = new[] { 30, 10, 50, 20 }.Select(s => ServiceNow.AddSeconds(-s)).ToArray();
        for (var i = 0; i < 4; i++)
        {
            jobs.Seen(jobs.Pending[i], Running(times[i]));
        }

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.Equal(ServiceNow.AddSeconds(-50) - RoundPlanner.WindowMargin, plan.SubmittedAfter);
        Assert.Equal(ServiceNow.AddSeconds(-10) + RoundPlanner.WindowMargin, plan.SubmittedBefore);
        Assert.Equal(plan.SubmittedAfter, plan.ToQuery().SubmittedAfter);
        Assert.Equal(100, plan.ToQuery().PageSize);
    }

    [Fact]
    public void TheWindowNarrowsWhenTheEarliestJobEnds()
    {
        var jobs = Watch(("a", 4));
        for (var i = 0; i < 4; i++)
        {
            jobs.Seen(jobs.Pending[i], Running(ServiceNow.AddSeconds(-40 + (10 * i))));
        }

        jobs.Seen(jobs.Pending[0], Ended(ServiceNow.AddSeconds(-40)));
        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.Equal(3, plan.Jobs.Count);
        Assert.Equal(ServiceNow.AddSeconds(-30) - RoundPlanner.WindowMargin, plan.SubmittedAfter);
    }

    [Fact]
    public void OneJobNeverReadKeepsTheListOpenUpToTheServiceTimeNow()
    {
        var jobs = Watch(("a", 4));
        for (var i = 1; i < 4; i++)
        {
            jobs.Seen(jobs.Pending[i], Running(ServiceNow.AddSeconds(-10 * i)));
        }

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.True(plan.Lists);
        Assert.Equal(ServiceNow.AddSeconds(-30) - RoundPlanner.WindowMargin, plan.SubmittedAfter);
        Assert.Equal(ServiceNow + RoundPlanner.WindowMargin, plan.SubmittedBefore);
    }

    [Fact]
    public void GroupsJobsByClusterInArrivalOrderAndDecidesForEachCluster()
    {
        var jobs = new JobWatchList();
        jobs.Add("b1", "b");
        jobs.Add("a1", "a");
        jobs.Add("a2", "a");
        jobs.Add("b2", "b");
        jobs.Add("a3", "a");

        var plans = RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow);

        Assert.Equal(new[] { "b", "a" }, plans.Select(p => p.ClusterId));
        Assert.Equal(new[] { "b1", "b2" }, plans[0].Jobs.Select(j => j.JobId));
        Assert.False(plans[0].Lists);
        Assert.Equal(new[] { "a1", "a2", "a3" }, plans[1].Jobs.Select(j => j.JobId));
        Assert.True(plans[1].Lists);
    }

    [Fact]
    public void TakesClusterIdsThatDifferOnlyInCaseForOneClusterAsTheWatchListAndTheListingsDo()
    {
        var jobs = new JobWatchList();
        jobs.Add("j1", "Cluster-A");
        jobs.Add("j2", "cluster-a");
        jobs.Add("j3", "CLUSTER-A");
        jobs.Listings.Listed("cluster-a", 2);

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.Equal("Cluster-A", plan.ClusterId);
        Assert.Equal(new[] { "j1", "j2", "j3" }, plan.Jobs.Select(j => j.JobId));
        Assert.True(plan.Lists);

        jobs.Listings.StopListing("CLUSTER-a");
        Assert.False(Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow)).Lists);
    }

    [Theory]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, false)]
    [InlineData(25, 10, false)]
    public void ListsAgainOnlyWhileTheLastListCostFewerRequestsThanThereAreJobs(int lastCost, int jobCount, bool lists)
    {
        var jobs = Watch(("a", jobCount));
        jobs.Listings.Listed("a", lastCost);

        var plan = Assert.Single(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));

        Assert.Equal(lists, plan.Lists);
    }

    [Fact]
    public void ShowsTheJobsOfAClusterWhoseListWasRefused()
    {
        var jobs = Watch(("a", 50), ("b", 50));
        jobs.Listings.StopListing("a");

        var plans = RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow);

        Assert.Equal(new[] { false, true }, plans.Select(p => p.Lists));
    }

    [Fact]
    public void PlansNothingOnceEveryJobHasEnded()
    {
        var jobs = Watch(("a", 3));
        foreach (var job in jobs.Pending.ToList())
        {
            jobs.Seen(job, Ended(ServiceNow));
        }

        Assert.Empty(RoundPlanner.Plan(jobs.Pending, jobs.Listings, ServiceNow));
    }

    private static JobWatchList Watch(params (string Cluster, int Count)[] clusters)
    {
        var jobs = new JobWatchList();
        foreach (var (cluster, count) in clusters)
        {
            for (var i = 1; i <= count; i++)
            {
                jobs.Add($"{cluster}-job-{i}", cluster);
            }
        }

        return jobs;
    }

    private static JobExecution Running(DateTimeOffset submitted) =>
        new() { State = JobStates.Running, Result = JobResults.Undefined, SubmittedAt = submitted };

    private static JobExecution Ended(DateTimeOffset submitted) =>
        new() { State = JobStates.Finished, Result = JobResults.Succeeded, SubmittedAt = submitted };
}
