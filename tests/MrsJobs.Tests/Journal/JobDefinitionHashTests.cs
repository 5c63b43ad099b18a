using System.Collections.Generic;
using MrsJobs.Core.Journal;
using Xunit;

namespace MrsJobs.Tests.Journal;

/// <summary><see cref="JobDefinitionHash"/>: the same job gives the same hash, and any change to it another.</summary>
public class JobDefinitionHashTests
{
    private static readonly string[] Arguments = { "obs://b/job.jar", "in", "out" };

    private static readonly KeyValuePair<string, string>[] Properties =
    {
        new("spark.executor.memory", "2g"),
        new("fs.obs.access.key", "AK"),
    };

    private static string Of(
        string clusterId = "c-1",
        string jobType = "SparkSubmit",
        string jobName = "daily",
        IReadOnlyList<string>? arguments = null,
        IReadOnlyList<KeyValuePair<string, string>>? properties = null) =>
        JobDefinitionHash.Compute(clusterId, jobType, jobName, arguments ?? Arguments, properties ?? Properties);

    [Fact]
    public void GivesTheSameLowercaseHexSha256ForTheSameJob()
    {
        var hash = Of();

        Assert.Equal(hash, Of());
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void StaysTheSameFromOneReleaseToTheNext()
    {
        // SHA-256 of "24:MrsJobs.JobDefinition.v1,1:c,1:t,1:n,1:1,1:a,1:1,1:k,1:v," (netstrings), worked out independently.
        Assert.Equal(
            "f24f00901d8e04b6ffecc9140f96b3b9388ddbf6caa1b2e0102b0b3ff0bb8fb3",
            JobDefinitionHash.Compute("c", "t", "n", new[] { "a" }, new[] { new KeyValuePair<string, string>("k", "v") }));
    }

    [Theory]
    [InlineData("c-2", "SparkSubmit", "daily")]
    [InlineData("c-1", "sparksubmit", "daily")]
    [InlineData("c-1", "SparkSubmit", "Daily")]
    [InlineData("c-1", "SparkSubmit", "daily ")]
    public void ChangesWithTheClusterTheTypeOrTheName(string clusterId, string jobType, string jobName)
    {
        Assert.NotEqual(Of(), Of(clusterId, jobType, jobName));
    }

    [Fact]
    public void ChangesWithAnyArgumentOrTheirOrder()
    {
        Assert.NotEqual(Of(), Of(arguments: new[] { "obs://b/job.jar", "in", "out2" }));
        Assert.NotEqual(Of(), Of(arguments: new[] { "obs://b/job.jar", "out", "in" }));
        Assert.NotEqual(Of(), Of(arguments: new[] { "obs://b/job.jar", "in" }));
    }

    [Fact]
    public void TellsOneArgumentWithASpaceFromTwoArguments()
    {
        Assert.NotEqual(Of(arguments: new[] { "a b" }), Of(arguments: new[] { "a", "b" }));
        Assert.NotEqual(Of(arguments: new[] { "ab", "" }), Of(arguments: new[] { "a", "b" }));
    }

    [Fact]
    public void ChangesWithAnyPropertyOrTheirOrder()
    {
        Assert.NotEqual(Of(), Of(properties: new[] { Properties[0], new KeyValuePair<string, string>("fs.obs.access.key", "AK2") }));
        Assert.NotEqual(Of(), Of(properties: new[] { Properties[0], new KeyValuePair<string, string>("fs.obs.access.key2", "AK") }));
        Assert.NotEqual(Of(), Of(properties: new[] { Properties[1], Properties[0] }));
    }

    [Fact]
    public void TellsArgumentsFromProperties()
    {
        var asArguments = Of(arguments: new[] { "k", "v" }, properties: new KeyValuePair<string, string>[0]);
        var asProperty = Of(arguments: new string[0], properties: new[] { new KeyValuePair<string, string>("k", "v") });

        Assert.NotEqual(asArguments, asProperty);
    }

    [Fact]
    public void TellsAPartMovedFromOneFieldToTheNext()
    {
        Assert.NotEqual(Of("c-1", "SparkSubmit", "daily"), Of("c-1S", "parkSubmit", "daily"));
        Assert.NotEqual(Of(jobName: "a", arguments: new[] { "b" }), Of(jobName: "ab", arguments: new string[0]));
    }
}
