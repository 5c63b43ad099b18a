using System.Collections.Generic;
using System;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Core.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

public class JobWatchListTests
{
    [Fact]
    public void FollowsEachJobOnceInArrivalOrder()
    {
        var jobs = new JobWatchList();

        Assert.True(jobs.Add("j1", "c"));
        Assert.True(jobs.Add("j2", "c"));
        Assert.False(jobs.Add("J1", "C"));
        Assert.True(jobs.Add("j1", "other-cluster"));

        Assert.Equal(3, jobs.Total);
        Assert.Equal(new[] { 1, 2, 3 }, System.Linq.Enumerable.Select(jobs.Pending, j => j.Number));
    }

    [Fact]
    public void LetsAJobGoOnlyWhenItHasEnded()
    {
        var jobs = new JobWatchList();
        jobs.Add("j", "c");
        var job = jobs.Pending[0];

        Assert.False(jobs.Seen(job, new JobExecution { State = JobStates.Running }));
        Assert.True(jobs.Seen(job, new JobExecution { State = JobStates.Finished, Result = JobResults.Failed }));
        Assert.Empty(jobs.Pending);
        Assert.Equal(1, jobs.Done);
    }

    [Theory]
    [InlineData(MrsErrorKind.NotFound, 1)]
    [InlineData(MrsErrorKind.ServiceError, JobWatchList.MaxConsecutiveFailures)]
    [InlineData(MrsErrorKind.Protocol, JobWatchList.MaxConsecutiveFailures)]
    [InlineData(MrsErrorKind.Throttled, JobWatchList.MaxConsecutiveTransientFailures)]
    [InlineData(MrsErrorKind.Connection, JobWatchList.MaxConsecutiveTransientFailures)]
    [InlineData(MrsErrorKind.Timeout, JobWatchList.MaxConsecutiveTransientFailures)]
    public void GivesUpOnAJobAfterAsManyFailuresAsTheirKindAllows(MrsErrorKind kind, int failures)
    {
        var jobs = new JobWatchList();
        jobs.Add("j", "c");
        var job = jobs.Pending[0];
        var error = new MrsApiException("no", kind);

        for (var i = 1; i < failures; i++)
        {
            Assert.False(jobs.Failed(job, error));
        }

        Assert.True(jobs.Failed(job, error));
        Assert.Empty(jobs.Pending);
    }

    [Fact]
    public void StartsCountingAgainAfterASuccessfulRead()
    {
        var jobs = new JobWatchList();
        jobs.Add("j", "c");
        var job = jobs.Pending[0];
        var error = new MrsApiException("no", MrsErrorKind.ServiceError);

        jobs.Failed(job, error);
        jobs.Failed(job, error);
        jobs.Seen(job, new JobExecution { State = JobStates.Running });

        Assert.False(jobs.Failed(job, error));
        Assert.False(jobs.Failed(job, error));
        Assert.True(jobs.Failed(job, error));
    }

    [Theory]
    [InlineData(MrsErrorKind.Authentication, true)]
    [InlineData(MrsErrorKind.TokenExpired, true)]
    [InlineData(MrsErrorKind.Throttled, false)]
    public void EndsTheWholeWaitOnlyWhenTheCredentialsAreRefused(MrsErrorKind kind, bool ends)
    {
        Assert.Equal(ends, JobWatchList.EndsTheWait(new MrsApiException("no", kind)));
    }

    [Fact]
    public void DoublesThePauseAfterEachThrottledRoundUpToEightIntervalsAndResetsAfterACalmOne()
    {
        var jobs = new JobWatchList();
        jobs.Add("j1", "c1");
        var interval = TimeSpan.FromSeconds(10);
        var pauses = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            jobs.Failed(jobs.Pending[0], new MrsApiException("busy", MrsErrorKind.Throttled));
            jobs.EndRound();
            pauses.Add(jobs.NextRoundPause(interval).TotalSeconds);
        }

        jobs.EndRound();

        Assert.Equal(new double[] { 20, 40, 80, 80, 80 }, pauses);
        Assert.Equal(interval, jobs.NextRoundPause(interval));
    }
}
