using System.Collections.Generic;
using MrsJobs.Core.Models;
using MrsJobs.Core.Validation;
using MrsJobs.Core.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary><see cref="PipedRow"/>: what Wait-MrsJobExecution keeps of the row New-MrsJobExecution wrote.</summary>
public class PipedRowTests
{
    private static JobInput Job(params string[] arguments) => new()
    {
        ClusterId = "c",
        JobName = "daily",
        JobType = "HiveSql",
        Arguments = arguments,
        Properties = new[] { new KeyValuePair<string, string?>("fs.obs.secret.key", "S3cr3t") },
    };

    [Theory]
    [InlineData("Invalid")]
    [InlineData("refused")]
    [InlineData(" NotSent ")]
    [InlineData("Unknown")]
    public void PassesARowThatBecameNoJobThroughWithItsErrorAndSecretsHidden(string origin)
    {
        var row = new PipedRow(7, origin, Job("a"));

        Assert.True(row.HasNoJob(string.Empty));
        var shown = row.WithoutJob("MrsApiError.0168", "Row 7 (job 'daily'): refused");
        Assert.Equal(7, shown.Row);
        Assert.Equal(string.Empty, shown.JobId);
        Assert.Equal("daily", shown.JobName);
        Assert.Equal(new[] { "a" }, shown.Arguments);
        Assert.Equal("[redacted]", shown.Properties!["fs.obs.secret.key"]);
        Assert.Equal("MrsApiError.0168", shown.ErrorId);
        Assert.False(shown.Succeeded);
    }

    [Theory]
    [InlineData("Submitted")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("3")]
    public void WaitsForEveryOtherRow(string? origin)
    {
        Assert.False(new PipedRow(1, origin, Job()).HasNoJob(string.Empty));
        Assert.False(new PipedRow(1, "Refused", Job()).HasNoJob("job-1"));
    }

    [Fact]
    public void KeepsTheSubmittedArgumentsWhereTheServicesTextAgrees()
    {
        var state = new JobExecution
        {
            Arguments = new JobArguments(new[] { "SELECT a", "b FROM t" }),
            ArgumentsText = "[SELECT a, b FROM t]",
        };

        new PipedRow(3, "Reconciled", Job("SELECT a, b FROM t")).ApplyTo(state);

        Assert.Equal(new[] { "SELECT a, b FROM t" }, state.Arguments);
        Assert.Equal(3, state.Row);
        Assert.Equal(SubmissionOrigin.Reconciled, state.Origin);
    }

    [Fact]
    public void KeepsTheServicesArgumentsWhereTheyDiffer()
    {
        var state = new JobExecution { Arguments = new JobArguments(new[] { "other" }), ArgumentsText = "[other]" };

        new PipedRow(3, "Submitted", Job("mine")).ApplyTo(state);

        Assert.Equal(new[] { "other" }, state.Arguments);
    }
}
