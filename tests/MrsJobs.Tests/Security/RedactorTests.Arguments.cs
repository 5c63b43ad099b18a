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

    [Theory]
    [InlineData("fs.obs.sk")]
    [InlineData("DB_PASS")]
    [InlineData("spark.yarn.appMasterEnv.API_TOKEN")]
    [InlineData("fs.obs.access.key")]
    public void HidesAssignmentsInArgumentsByTheSameRuleAsPropertyKeys(string key)
    {
        var shown = Redactor.Arguments(new[] { "--conf", $"{key}={Secret}", "--conf", "spark.executor.memory=4g" });

        Assert.Equal(new[] { "--conf", $"{key}={Redactor.Mark}", "--conf", "spark.executor.memory=4g" }, shown);
    }

    [Fact]
    public void KeepsWhatFollowsAHiddenValueInAText()
    {
        Assert.Equal("{fs.obs.sk=[redacted]}", Redactor.Text("{fs.obs.sk=" + Secret + "}"));
        Assert.Equal("http://host:8080/path", Redactor.Text("http://host:8080/path"));
    }

    [Fact]
    public void HidesSecretsInTheJavaTextsOfAJobDetail()
    {
        var body = "{\"job_detail\":{\"job_id\":\"j\",\"arguments\":\"[--password, " + Secret + "1, --conf, fs.obs.sk=" + Secret + "2, obs://b/app.jar]\","
            + "\"properties\":\"{fs.obs.sk=" + Secret + "3, DB_PASS=" + Secret + "4, spark.executor.memory=4g}\"}}";

        var shown = Redactor.Json(body);

        Assert.DoesNotContain(Secret, shown);
        Assert.Contains("obs://b/app.jar", shown);
        Assert.Contains("spark.executor.memory=4g", shown);
        Assert.Contains("fs.obs.sk=[redacted]", shown);
    }

    [Theory]
    [InlineData("--conf fs.obs.secret.key=[redacted]")]
    [InlineData("fs.obs.secret.key=[redacted] --verbose")]
    public void LeavesAValueAlreadyHiddenAsItIs(string shown)
    {
        Assert.Equal(shown, Redactor.Text(shown));
        Assert.Equal(new[] { "--password", Redactor.Mark, shown }, Redactor.Arguments(Redactor.Arguments(new[] { "--password", "x", shown })));
    }
}
