using System;
using MrsJobs.Core.Api;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Api;

public class JobListQueryTests
{
    [Fact]
    public void AsksForNewestFirstWithPageAndLimitAndNothingElseByDefault()
    {
        var query = new JobListQuery { ClusterId = "c" };

        Assert.Equal("limit=100&offset=1&sort_by=desc", query.ToQueryString(1));
        Assert.Equal("limit=100&offset=7&sort_by=desc", query.ToQueryString(7));
    }

    [Fact]
    public void SendsEveryFilterInTheApiSpelling()
    {
        var query = new JobListQuery
        {
            ClusterId = "c",
            JobName = new NamePattern("daily-etl"),
            JobType = "sparkpython",
            State = "running",
            Result = "undefined",
            User = "etl.user",
            Queue = "batch_q",
            SubmittedAfter = DateTimeOffset.FromUnixTimeMilliseconds(1562032041362),
            SubmittedBefore = DateTimeOffset.FromUnixTimeMilliseconds(1562032099999),
            PageSize = 10,
        };

        Assert.Equal(
            "job_name=daily-etl&job_type=SparkSubmit&job_state=RUNNING&job_result=UNDEFINED&user=etl.user&queue=batch_q"
            + "&submitted_time_begin=1562032041362&submitted_time_end=1562032099999&limit=10&offset=1&sort_by=desc",
            query.ToQueryString(1));
    }

    [Theory]
    [InlineData("daily-*")]
    [InlineData("job?")]
    [InlineData("spaces in name")]
    public void KeepsANameTheListCallWouldRefuseToItself(string name)
    {
        var query = new JobListQuery { ClusterId = "c", JobName = new NamePattern(name) };

        Assert.DoesNotContain("job_name", query.ToQueryString(1));
    }

    [Theory]
    [InlineData(37, true)]
    [InlineData(64, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void SendsNamesUpToTheListCallsLimitOf128Characters(int length, bool sent)
    {
        var name = new string('n', length);

        var text = new JobListQuery { ClusterId = "c", JobName = new NamePattern(name) }.ToQueryString(1);

        Assert.Equal(sent, text.Contains("job_name=" + name + "&"));
    }

    [Fact]
    public void LeavesStateAndResultToTheLocalCheckWhenThePagerSaysSo()
    {
        var query = new JobListQuery { ClusterId = "c", State = "running", Result = "undefined" };
        Assert.True(query.SendsChangingFilters);

        query.StateFiltersLocalOnly = true;

        Assert.Equal("limit=100&offset=1&sort_by=desc", query.ToQueryString(1));
        Assert.False(query.SendsChangingFilters);
        Assert.True(query.Matches(new JobExecution { State = "RUNNING", Result = "UNDEFINED" }));
        Assert.False(query.Matches(new JobExecution { State = "FINISHED", Result = "SUCCEEDED" }));
    }

    [Theory]
    [InlineData("9user")]
    [InlineData("a-user-name-that-is-longer-than-32")]
    public void KeepsAUserTheListCallWouldRefuseToItself(string user)
    {
        Assert.DoesNotContain("user=", new JobListQuery { ClusterId = "c", User = user }.ToQueryString(1));
    }

    [Fact]
    public void ChecksEveryFilterAgainOnWhatComesBack()
    {
        var query = new JobListQuery
        {
            ClusterId = "c",
            JobName = new NamePattern("daily-*"),
            JobType = "SparkPython",
            State = "finished",
            Result = "SUCCEEDED",
            SubmittedAfter = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var job = new JobExecution
        {
            JobName = "DAILY-ETL",
            JobType = "SparkSubmit",
            State = "FINISHED",
            Result = "SUCCEEDED",
            SubmittedAt = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
        };

        Assert.True(query.Matches(job));
        job.JobName = "weekly-etl";
        Assert.False(query.Matches(job));
        job.JobName = "daily-etl";
        job.Result = "FAILED";
        Assert.False(query.Matches(job));
        job.Result = "SUCCEEDED";
        job.SubmittedAt = new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero);
        Assert.False(query.Matches(job));
    }

    [Theory]
    [InlineData("etl", "etl", true)]
    [InlineData("etl", "ETL", false)]
    [InlineData("etl*", "ETL-2", true)]
    [InlineData("etl", "etl-2", false)]
    [InlineData("etl*", "etl-2", true)]
    [InlineData("e?l", "eTl", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("[x]", "[x]", true)]
    public void MatchesPlainNamesExactlyAndPatternsInAnyCase(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, new NamePattern(pattern).IsMatch(name));
    }
}
