using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Api;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary>When <see cref="ListFrontier"/> trusts a page to continue the part of the list read without a gap.</summary>
public class ListFrontierTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 4, 9, 0, 0, TimeSpan.Zero);

    // Job n was submitted n seconds before job 0: newest first, job 0 is the top of the list.
    private static JobExecution Job(int n) => new() { JobId = "job-" + n, SubmittedAt = Start.AddSeconds(-n) };

    private static IReadOnlyList<JobExecution> Jobs(int from, int count) => Enumerable.Range(from, count).Select(Job).ToList();

    private static ListFrontier AfterFirstPage(long total = 250)
    {
        var frontier = new ListFrontier();
        Assert.True(frontier.Continues(0, Jobs(0, 100), total, byPosition: false));
        frontier.Extend(0, Jobs(0, 100), total);
        return frontier;
    }

    [Fact]
    public void TheTopOfTheListAlwaysContinues()
    {
        var frontier = AfterFirstPage();

        Assert.True(frontier.Continues(0, Jobs(40, 100), 10, byPosition: false));
        Assert.Equal(100, frontier.Next);
        Assert.False(frontier.AtStart);
    }

    [Fact]
    public void APageThatStartsWithAJobAlreadyCoveredContinuesWhateverTheCount()
    {
        var frontier = AfterFirstPage();

        Assert.True(frontier.Continues(99, Jobs(99, 100), 90, byPosition: false));
    }

    [Fact]
    public void APageThatStartsWithAJobSubmittedAfterTheLastCoveredOneContinues()
    {
        var frontier = AfterFirstPage();
        var newer = new JobExecution { JobId = "late", SubmittedAt = Start.AddSeconds(10) };

        Assert.True(frontier.Continues(99, new[] { newer }.Concat(Jobs(0, 99)).ToList(), 400, byPosition: false));
    }

    [Fact]
    public void APageOfUnseenOlderJobsContinuesOnlyByPositionAndOnlyWhenTheTotalDidNotFall()
    {
        var frontier = AfterFirstPage();
        var next = Jobs(100, 100);

        Assert.False(frontier.Continues(100, next, 250, byPosition: false));
        Assert.True(frontier.Continues(100, next, 250, byPosition: true));
        Assert.True(frontier.Continues(100, next, 253, byPosition: true));
        Assert.False(frontier.Continues(100, next, 245, byPosition: true));
        Assert.False(frontier.Continues(100, next, null, byPosition: true));
    }

    [Fact]
    public void StepsBackByTheNetRemovalThenTrustsTheReReadPage()
    {
        var frontier = AfterFirstPage();

        frontier.StepBack(245);

        Assert.Equal(95, frontier.Next);
        Assert.Equal(245, frontier.TotalAtNext);
        Assert.True(frontier.Continues(0, Jobs(5, 100), 245, byPosition: true));
    }

    [Fact]
    public void StepsBackTwiceAsFarEachTimeInARowAndNeverBeforeTheTop()
    {
        var frontier = AfterFirstPage();

        frontier.StepBack(250);
        frontier.StepBack(250);
        frontier.StepBack(250);
        var afterThree = frontier.Next;
        for (var i = 0; i < 10; i++)
        {
            frontier.StepBack(250);
        }

        Assert.Equal(100 - 1 - 2 - 4, afterThree);
        Assert.Equal(0, frontier.Next);
        Assert.Equal(13, frontier.TotalMisses);
    }

    [Fact]
    public void KeepsTheOlderLastJobWhenAReReadEndsEarlier()
    {
        var frontier = AfterFirstPage();
        frontier.Extend(100, Jobs(100, 50), 250);

        frontier.Extend(10, Jobs(10, 100), 250);

        // The covered part still ends at job 149: a page starting with a job submitted after it continues.
        var newerThan149 = new JobExecution { JobId = "x", SubmittedAt = Start.AddSeconds(-149).AddMilliseconds(500) };
        Assert.True(frontier.Continues(140, new[] { newerThan149 }, 250, byPosition: false));
        Assert.Equal(110, frontier.Next);
    }

    [Fact]
    public void ResetForgetsTheCoveredPart()
    {
        var frontier = AfterFirstPage();

        frontier.Reset();

        Assert.True(frontier.AtStart);
        Assert.False(frontier.Continues(5, Jobs(5, 10), 250, byPosition: false));
    }
}
