using System;
using System.Text.Json;
using MrsJobs.Core.Api;
using MrsJobs.Core.Json;
using MrsJobs.Core.Models;
using MrsJobs.Core.Security;
using Xunit;

namespace MrsJobs.Tests.Api;

public class JobExecutionReaderTests
{
    private const string Detail = """
        {"job_detail":{"job_id":"j1","user":"etl","job_name":"pi","job_result":"succeeded","job_state":"finished",
        "job_progress":100.0,"job_type":"SparkSubmit","started_time":1700000001000,"submitted_time":1700000000000,
        "finished_time":1700000061000,"elapsed_time":60000,
        "arguments":"[--class, org.apache.spark.examples.SparkPi, --conf, fs.obs.secret.key=S3CR3T, --password, hunter2, 100]",
        "properties":"{fs.obs.access.key=AK123, spark.executor.memory=4g}",
        "launcher_id":"application_1", "app_id":"application_2","tracking_url":"http://rm/proxy/application_2/","queue":"default"}}
        """;

    [Fact]
    public void TypesEveryMember()
    {
        var job = Read(Detail);

        Assert.Equal("j1", job.JobId);
        Assert.Equal("cluster", job.ClusterId);
        Assert.Equal("project", job.ProjectId);
        Assert.Equal("FINISHED", job.State);
        Assert.Equal("SUCCEEDED", job.Result);
        Assert.True(job.IsFinished);
        Assert.True(job.Succeeded);
        Assert.Equal(100.0, job.Progress);
        Assert.Equal(new JobTime(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000)), job.SubmittedAt);
        Assert.Equal(new JobTime(DateTimeOffset.FromUnixTimeMilliseconds(1700000061000)), job.FinishedAt);
        Assert.Equal(new JobDuration(TimeSpan.FromMinutes(1)), job.Elapsed);
        Assert.Equal("2023-11-14T22:13:20Z", job.SubmittedAt.ToString());
        Assert.Equal("00:01:00", job.Elapsed.ToString());
        Assert.Equal("application_2", job.AppId);
        Assert.Equal("default", job.Queue);
    }

    [Fact]
    public void ParsesTheTextsBackAndHidesSecrets()
    {
        var job = Read(Detail);

        Assert.Equal(
            new[] { "--class", "org.apache.spark.examples.SparkPi", "--conf", "fs.obs.secret.key=" + Redactor.Mark, "--password", Redactor.Mark, "100" },
            job.Arguments);
        Assert.Equal(Redactor.Mark, job.Properties!["fs.obs.access.key"]);
        Assert.Equal("4g", job.Properties["spark.executor.memory"]);
        foreach (var secret in new[] { "S3CR3T", "hunter2", "AK123" })
        {
            Assert.DoesNotContain(secret, job.ArgumentsText);
            Assert.DoesNotContain(secret, job.PropertiesText);
        }
    }

    [Theory]
    [InlineData("FINISHED", "FAILED", true, false)]
    [InlineData("FAILED", "FAILED", true, false)]
    [InlineData("KILLED", "KILLED", true, false)]
    [InlineData("RUNNING", "UNDEFINED", false, false)]
    [InlineData("finished", "succeeded", true, true)]
    public void SucceedsOnlyOnAFinishedJobWhoseResultSaysSo(string state, string result, bool finished, bool succeeded)
    {
        var job = Read($$$"""{"job_detail":{"job_id":"j","job_state":"{{{state}}}","job_result":"{{{result}}}"}}""");

        Assert.Equal(finished, job.IsFinished);
        Assert.Equal(succeeded, job.Succeeded);
    }

    [Fact]
    public void ReadsNumbersSentAsStringsAndLeavesZeroTimesEmpty()
    {
        var job = Read("""{"job_detail":{"job_id":"j","job_progress":"42.5","submitted_time":"1700000000000","started_time":0,"finished_time":null}}""");

        Assert.Equal(42.5, job.Progress);
        Assert.NotNull(job.SubmittedAt);
        Assert.Null(job.StartedAt);
        Assert.Null(job.FinishedAt);
        Assert.Null(job.Arguments);
    }

    [Fact]
    public void ReadsRealJsonArraysAndObjects()
    {
        var job = Read("""{"job_detail":{"job_id":"j","arguments":["a","b c"],"properties":{"k":"v","db.password":"p"}}}""");

        Assert.Equal(new[] { "a", "b c" }, job.Arguments);
        Assert.Equal("v", job.Properties!["k"]);
        Assert.Equal(Redactor.Mark, job.Properties["db.password"]);
    }

    [Fact]
    public void KeepsAnUnreadableTextWithSecretAssignmentsHidden()
    {
        var job = Read("""{"job_detail":{"job_id":"j","arguments":"--conf x.secret.key=abc","properties":"password=pw"}}""");

        Assert.Null(job.Arguments);
        Assert.Equal("--conf x.secret.key=" + Redactor.Mark, job.ArgumentsText);
        Assert.Null(job.Properties);
        Assert.DoesNotContain("pw", job.PropertiesText!.Replace("password", string.Empty));
    }

    private static MrsJobs.Core.Models.JobExecution Read(string json)
    {
        var body = JsonSerializer.Deserialize(json, MrsJsonContext.Wire.JobDetailResponseBody)!;
        return JobExecutionReader.Read(body.JobDetail!, "cluster", "project");
    }
}
