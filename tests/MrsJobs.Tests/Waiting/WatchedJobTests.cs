using System.Collections.Generic;
using MrsJobs.Core.Models;
using MrsJobs.Core.Validation;
using MrsJobs.Core.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary>
/// <see cref="WatchedJob.LastKnown"/>: the line a job gets when the wait stops following it before it ended, so that
/// the output keeps one line per input row.
/// </summary>
public class WatchedJobTests
{
    private static readonly JobInput Submitted = new()
    {
        ClusterId = "c",
        JobName = "daily",
        JobType = "SparkSql",
        Arguments = new[] { "SELECT 1" },
        Properties = new[] { new KeyValuePair<string, string?>("fs.obs.secret.key", "S3cr3t") },
    };

    private static WatchedJob Watched()
    {
        var jobs = new JobWatchList();
        jobs.Add("job-1", "c", new PipedRow(4, "Submitted", Submitted));
        return jobs.Pending[0];
    }

    [Fact]
    public void AJobNeverReadGetsItsIdRowOriginAndThePipedJobWithTheErrorAndNoState()
    {
        var line = Watched().LastKnown("MrsApiError.0176", "Job job-1: gone");

        Assert.Equal("job-1", line.JobId);
        Assert.Equal("c", line.ClusterId);
        Assert.Equal(4, line.Row);
        Assert.Equal(SubmissionOrigin.Submitted, line.Origin);
        Assert.Equal("daily", line.JobName);
        Assert.Equal("SparkSql", line.JobType);
        Assert.Equal(new[] { "SELECT 1" }, line.Arguments);
        Assert.Equal("[redacted]", line.Properties!["fs.obs.secret.key"]);
        Assert.Equal(string.Empty, line.State);
        Assert.Equal("MrsApiError.0176", line.ErrorId);
        Assert.Equal("Job job-1: gone", line.Error);
        Assert.False(line.Succeeded);
    }

    [Fact]
    public void AJobReadBeforeGetsItsLastStateWithItsRowAndTheError()
    {
        var jobs = new JobWatchList();
        jobs.Add("job-1", "c", new PipedRow(4, "Submitted", Submitted));
        var job = jobs.Pending[0];
        jobs.Seen(job, new JobExecution { JobId = "job-1", ClusterId = "c", JobName = "daily", State = JobStates.Running, Result = JobResults.Undefined });

        var line = job.LastKnown("MrsJobWaitTimeout", "did not end");

        Assert.Same(job.Last, line);
        Assert.Equal(JobStates.Running, line.State);
        Assert.Equal(4, line.Row);
        Assert.Equal("MrsJobWaitTimeout", line.ErrorId);
    }

    [Fact]
    public void WithoutAnErrorTheLineCarriesNone()
    {
        var line = Watched().LastKnown(null, string.Empty);

        Assert.Null(line.ErrorId);
        Assert.Null(line.Error);
        Assert.Equal(4, line.Row);
    }

    [Fact]
    public void AJobAddedWithoutARowStillGetsItsIdAndCluster()
    {
        var jobs = new JobWatchList();
        jobs.Add("job-2", "c2");

        var line = jobs.Pending[0].LastKnown("MrsSessionExpired", "expired");

        Assert.Equal(("job-2", "c2", 0, (SubmissionOrigin?)null), (line.JobId, line.ClusterId, line.Row, line.Origin));
        Assert.Equal("MrsSessionExpired", line.ErrorId);
    }
}
