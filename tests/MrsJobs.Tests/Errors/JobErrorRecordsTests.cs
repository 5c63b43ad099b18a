using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Errors;
using Xunit;

namespace MrsJobs.Tests.Errors;

/// <summary><see cref="JobErrorRecords"/>: a failed job's advice says where to read why.</summary>
public class JobErrorRecordsTests
{
    private static JobExecution Failed(string? appId = null, string? trackingUrl = null) => new()
    {
        JobId = "2e7a9c4b-6f1d-4a58-b3c0-8d5e1f7a2c64",
        ClusterId = "6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b",
        JobName = "wordcount-daily",
        JobType = JobTypes.SparkSubmit,
        State = JobStates.Finished,
        Result = JobResults.Failed,
        AppId = appId,
        TrackingUrl = trackingUrl,
    };

    [Fact]
    public void NamesTheYarnApplicationAndItsTrackingUrl()
    {
        var error = JobErrorRecords.DidNotSucceed(Failed("application_1700000000000_0042", "http://node:8088/proxy/application_1700000000000_0042/"));

        Assert.Equal(ErrorIds.JobFailed, error.FullyQualifiedErrorId);
        Assert.Equal(
            "Read the YARN logs of application application_1700000000000_0042 to see why it failed (on the cluster: yarn logs -applicationId application_1700000000000_0042), or open http://node:8088/proxy/application_1700000000000_0042/.",
            error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void NamesTheYarnApplicationWithoutATrackingUrl()
    {
        var error = JobErrorRecords.DidNotSucceed(Failed("application_1700000000000_0042"));

        Assert.Equal(
            "Read the YARN logs of application application_1700000000000_0042 to see why it failed (on the cluster: yarn logs -applicationId application_1700000000000_0042).",
            error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void SaysAJobWithoutAYarnApplicationFailedBeforeYarnRanIt()
    {
        var advice = JobErrorRecords.DidNotSucceed(Failed()).ErrorDetails.RecommendedAction;

        Assert.StartsWith("The job has no YARN application: it failed before YARN ran it.", advice);
        Assert.Contains("Get-MrsJobExecution -JobId 2e7a9c4b-6f1d-4a58-b3c0-8d5e1f7a2c64 -ClusterId 6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b", advice);
        Assert.DoesNotContain("(AppId)", advice);
    }
}
