using MrsJobs.Core.Security;
using Xunit;

namespace MrsJobs.Tests.Security;

/// <summary><see cref="Redactor"/>: secrets that sit in job arguments or under unusual property names.</summary>
public class RedactorArgumentTests
{
    private const string Secret = "Sup3rS3cret-Value";

    [Theory]
    [InlineData("spark.yarn.appMasterEnv.DB_PASS")]
    [InlineData("spark.hadoop.fs.obs.sk")]
    [InlineData("fs.obs.ak")]
    [InlineData("x-api-key")]
    [InlineData("spark.ssl.keyPassword")]
    public void HidesPropertiesWhoseNamesSaySecretInOtherWords(string key)
    {
        var shown = Redactor.Json($"{{\"properties\":{{\"{key}\":\"{Secret}\"}}}}");

        Assert.DoesNotContain(Secret, shown);
        Assert.Contains(key, shown);
    }

    [Theory]
    [InlineData("fs.obs.endpoint")]
    [InlineData("spark.executor.memory")]
    [InlineData("mapreduce.job.queuename")]
    [InlineData("hive.keytab.path")]
    public void ShowsOrdinaryProperties(string key)
    {
        Assert.Contains("visible-value", Redactor.Json($"{{\"properties\":{{\"{key}\":\"visible-value\"}}}}"));
    }

    [Theory]
    [InlineData("--password")]
    [InlineData("spark.hadoop.fs.obs.secret.key")]
    [InlineData("--access-key")]
    public void HidesTheArgumentThatFollowsASecretsName(string name)
    {
        var shown = Redactor.Json($"{{\"arguments\":[\"--conf\",\"{name}\",\"{Secret}\",\"obs://bucket/app.jar\"]}}");

        Assert.DoesNotContain(Secret, shown);
        Assert.Contains("obs://bucket/app.jar", shown);
    }

    [Fact]
    public void HidesTheValueOfAKeyValueArgument()
    {
        var shown = Redactor.Json($"{{\"arguments\":[\"--conf\",\"spark.hadoop.fs.obs.secret.key={Secret}\"]}}");

        Assert.DoesNotContain(Secret, shown);
        Assert.Contains("spark.hadoop.fs.obs.secret.key=", shown);
    }
}
