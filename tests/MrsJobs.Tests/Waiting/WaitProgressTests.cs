using System;
using System.Management.Automation;
using MrsJobs.Core.Models;
using MrsJobs.Core.Waiting;
using MrsJobs.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary><see cref="WaitProgress"/>: the batch bar says what ended, the time elapsed and the timeout, never a time left.</summary>
public class WaitProgressTests
{
    private static JobWatchList ThreeJobsOneEnded()
    {
        var jobs = new JobWatchList();
        jobs.Add("j1", "c");
        jobs.Add("j2", "c");
        jobs.Add("j3", "c");
        jobs.Seen(jobs.Pending[0], new JobExecution { State = JobStates.Finished, Result = JobResults.Succeeded });
        return jobs;
    }

    [Fact]
    public void SaysHowManyEndedTheTimeElapsedAndTheTimeout()
    {
        var record = WaitProgress.Batch(ThreeJobsOneEnded(), TimeSpan.FromSeconds(130), TimeSpan.FromHours(1));

        Assert.Equal("1 of 3 ended, 00:02:10 elapsed, timeout 01:00:00", record.StatusDescription);
        Assert.Equal(33, record.PercentComplete);
    }

    [Fact]
    public void SaysThereIsNoTimeoutForMinusOne()
    {
        var record = WaitProgress.Batch(ThreeJobsOneEnded(), TimeSpan.FromSeconds(5), null);

        Assert.Equal("1 of 3 ended, 00:00:05 elapsed, no timeout", record.StatusDescription);
    }

    [Fact]
    public void GivesNoTimeRemainingForPowerShellToShowAsAnEstimate()
    {
        var record = WaitProgress.Batch(ThreeJobsOneEnded(), TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        Assert.Equal(-1, record.SecondsRemaining);
        Assert.Equal(ProgressRecordType.Processing, record.RecordType);
    }

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(59.9, "00:00:59")]
    [InlineData(3600 * 26 + 61, "26:01:01")]
    [InlineData(3600 * 120, "120:00:00")]
    public void WritesDurationsAsHoursMinutesSecondsPastADay(double seconds, string shown)
    {
        Assert.Equal(shown, WaitProgress.Clock(TimeSpan.FromSeconds(seconds)));
    }
}
