using System;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>Cluster admission of job submission: existence, state, user synchronization, components.</summary>
public sealed class SubmitClusterTests : EmulatorTest
{
    public SubmitClusterTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task AnUnknownClusterGets404With12000003NamingIt()
    {
        var reply = await SubmitAsync(JobBody(), clusterId: "00000000-0000-0000-0000-000000000000");

        Assert.Equal(404, reply.Status);
        Assert.Equal("12000003", reply.ErrorCode);
        Assert.Equal("The cluster does not exist: 00000000-0000-0000-0000-000000000000", reply.ErrorMsg);
    }

    [Fact]
    public async Task AClusterOfAnotherProjectIsNotFoundEither()
    {
        var token = await LoginAsync(project: SeedData.ApSoutheast1ProjectName);

        var reply = await SubmitAsync(JobBody(), token: token, projectId: SeedData.ApSoutheast1ProjectId);

        Assert.Equal(404, reply.Status);
        Assert.Equal("12000003", reply.ErrorCode);
    }

    [Fact]
    public async Task AClusterThatIsNotRunningGets0056()
    {
        State.Clusters.Put(new EmulatorCluster("frozen-1", SeedData.CnNorth4ProjectId, new[] { ClusterComponent.Hadoop }, "frozen", Array.Empty<string>()));

        var reply = await SubmitAsync(JobBody(), clusterId: "frozen-1");

        Assert.Equal(500, reply.Status);
        Assert.Equal("0056", reply.SubmitErrorCode);
    }

    [Fact]
    public async Task AUserNotSynchronizedToTheClusterGets0192()
    {
        var token = await LoginAsync(SeedData.UnsyncedUserName, SeedData.UnsyncedPassword);

        var reply = await SubmitAsync(JobBody(), token: token);

        Assert.Equal(500, reply.Status);
        Assert.Equal("0192", reply.SubmitErrorCode);
        Assert.Equal(
            "The user does not exist on MRS Manager. Synchronize IAM users first.",
            reply.Json.GetProperty("job_submit_result").GetProperty("error_msg").GetString());
    }

    [Theory]
    [InlineData(SeedData.NoHiveNoFlinkClusterId, "HiveScript", "0168")]
    [InlineData(SeedData.NoHiveNoFlinkClusterId, "HiveSql", "0168")]
    [InlineData(SeedData.NoHiveNoFlinkClusterId, "Flink", "0169")]
    [InlineData(SeedData.HadoopOnlyClusterId, "SparkSubmit", "0057")]
    [InlineData(SeedData.HadoopOnlyClusterId, "SparkPython", "0057")]
    [InlineData(SeedData.HadoopOnlyClusterId, "SparkScript", "0057")]
    [InlineData(SeedData.HadoopOnlyClusterId, "SparkSql", "0057")]
    [InlineData(SeedData.HadoopOnlyClusterId, "HiveSql", "0168")]
    [InlineData(SeedData.HadoopOnlyClusterId, "Flink", "0169")]
    public async Task AJobWhoseComponentIsMissingIsRefusedWithItsCode(string clusterId, string jobType, string code)
    {
        var reply = await SubmitAsync(JobBody(jobType), clusterId: clusterId);

        Assert.Equal(500, reply.Status);
        Assert.Equal(code, reply.SubmitErrorCode);
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task TheHiveRefusalCarriesTheDocumentedMessage()
    {
        var reply = await SubmitAsync(JobBody("HiveSql"), clusterId: SeedData.HadoopOnlyClusterId);

        Assert.Equal("不能提交Hive相关作业", reply.Json.GetProperty("job_submit_result").GetProperty("error_msg").GetString());
    }

    [Theory]
    [InlineData(SeedData.HadoopOnlyClusterId, "MapReduce")]
    [InlineData(SeedData.HadoopOnlyClusterId, "DistCp")]
    [InlineData(SeedData.NoHiveNoFlinkClusterId, "SparkSql")]
    public async Task AJobWhoseComponentIsInstalledIsAccepted(string clusterId, string jobType) =>
        Assert.Equal(200, (await SubmitAsync(JobBody(jobType), clusterId: clusterId)).Status);

    [Fact]
    public async Task AnAcceptedJobIsStoredWithItsSubmitterAndSparkPythonBecomesSparkSubmit()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var reply = await SubmitAsync(JobBody("SparkPython", "pi"));

        var job = Assert.Single(State.Jobs.GetAll());
        Assert.Equal(reply.Json.GetProperty("job_submit_result").GetProperty("job_id").GetString(), job.JobId);
        Assert.True(Guid.TryParse(job.JobId, out _));
        Assert.Equal("SparkSubmit", job.JobType);
        Assert.Equal(SeedData.UserName, job.User);
        Assert.Equal(SeedData.FullClusterId, job.ClusterId);
        Assert.Equal(SeedData.CnNorth4ProjectId, job.ProjectId);
        Assert.InRange(job.SubmittedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }
}
