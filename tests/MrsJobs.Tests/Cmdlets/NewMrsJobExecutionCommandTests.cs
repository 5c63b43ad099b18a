using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MrsJobs.Commands;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Cmdlets;

/// <summary>
/// <c>Connect-MrsProject</c> and <c>New-MrsJobExecution</c> in a hosted PowerShell against the in-process
/// emulator: CSV-like rows in, results and error records out.
/// </summary>
public class NewMrsJobExecutionCommandTests
{
    public class ThePipeline : EmulatorTest
    {
        public ThePipeline(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        private PowerShell ConnectedShell(string user = SeedData.UserName, string password = SeedData.Password)
        {
            var shell = PowerShell.Create(InitialSessionState.CreateDefault2());
            shell.AddCommand("Import-Module").AddParameter("Name", typeof(NewMrsJobExecutionCommand).Assembly.Location).Invoke();
            shell.Commands.Clear();
            var session = shell.AddCommand("Connect-MrsProject")
                .AddParameter("Credential", new PSCredential(user, Secure(password)))
                .AddParameter("DomainName", SeedData.DomainName)
                .AddParameter("Region", "cn-north-4")
                .AddParameter("Endpoint", BaseAddress.ToString())
                .AddParameter("IamEndpoint", BaseAddress.ToString())
                .AddParameter("PassThru").Invoke();
            Assert.IsType<MrsSession>(Assert.Single(session).BaseObject);
            shell.Commands.Clear();
            return shell;
        }

        private static PSObject Row(string clusterId, string jobType, string jobName, string arguments = "", string properties = "")
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("cluster_id", clusterId));
            row.Properties.Add(new PSNoteProperty("job_type", jobType));
            row.Properties.Add(new PSNoteProperty("job_name", jobName));
            row.Properties.Add(new PSNoteProperty("arguments", arguments));
            row.Properties.Add(new PSNoteProperty("properties", properties));
            return row;
        }

        private static Collection<PSObject> Submit(PowerShell shell, params PSObject[] rows) =>
            shell.AddCommand("New-MrsJobExecution").Invoke(rows);

        [Fact]
        public void SubmitsOneJobPerRowWithItsCells()
        {
            using var shell = ConnectedShell();

            var output = Submit(
                shell,
                Row(SeedData.FullClusterId, "mapreduce", "wc", "obs://b/job.jar wordcount", "fs.obs.endpoint=obs.example;fs.obs.secret.key=SK"),
                Row(SeedData.FullClusterId, "HiveSql", "hive_1", "[\"select 1\"]", "{\"hive.exec.parallel\":true}"));

            Assert.Empty(shell.Streams.Error);
            Assert.Equal(new[] { "wc", "hive_1" }, output.Select(o => ((JobSubmitResult)o.BaseObject).JobName));
            var jobs = Fixture.State.Jobs.GetAll();
            Assert.Equal(new[] { "obs://b/job.jar", "wordcount" }, jobs[0].Arguments);
            Assert.Equal("SK", jobs[0].Properties["fs.obs.secret.key"]);
            Assert.Equal("true", jobs[1].Properties["hive.exec.parallel"]);
        }

        [Fact]
        public void ReportsARefusedRowAndStillSendsTheOthers()
        {
            using var shell = ConnectedShell();

            var output = Submit(
                shell,
                Row(SeedData.HadoopOnlyClusterId, "HiveSql", "needs_hive", "[\"select 1\"]"),
                Row(SeedData.FullClusterId, "MapReduce", "wc"));

            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("MrsApiError.0168,MrsJobs.Commands.NewMrsJobExecutionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotInstalled, error.CategoryInfo.Category);
            Assert.Contains("Hive is not installed", error.ToString());
            var failed = Assert.IsType<JobSubmitResult>(error.TargetObject);
            Assert.Equal(SubmitStates.Failed, failed.State);
            Assert.Equal("0168", failed.ErrorCode);
            Assert.Equal("wc", ((JobSubmitResult)Assert.Single(output).BaseObject).JobName);
        }

        [Fact]
        public void ReportsABrokenRowByNumberWithoutSendingIt()
        {
            using var shell = ConnectedShell();

            Submit(shell, Row(SeedData.FullClusterId, "MapReduce", "ok"), Row(SeedData.FullClusterId, "MapReduce", "bad name", "--password=S3cret;"));

            var error = Assert.Single(shell.Streams.Error);
            Assert.StartsWith("InvalidJobDefinition.JobName", error.FullyQualifiedErrorId);
            Assert.Contains("Row 2 (job 'bad name')", error.ToString());
            Assert.DoesNotContain("S3cret", error.ToString());
            Assert.Single(Submissions());
        }

        [Fact]
        public void StopsSendingAfterTheServiceRefusesTheCredentials()
        {
            using var shell = ConnectedShell();
            shell.AddCommand("Connect-MrsProject").AddParameter("Token", "MIInot-a-real-token")
                .AddParameter("ProjectId", SeedData.CnNorth4ProjectId).AddParameter("Endpoint", BaseAddress.ToString()).Invoke();
            shell.Commands.Clear();

            Submit(shell, Row(SeedData.FullClusterId, "MapReduce", "first"), Row(SeedData.FullClusterId, "MapReduce", "second"));

            Assert.Equal(
                new[] { "MrsApiError.APIGW.0301", "MrsJobNotSentAfterAuthenticationFailure" },
                shell.Streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Single(Submissions());
        }

        [Fact]
        public void RefusesAWrongPasswordWithAStableErrorId()
        {
            var failure = Assert.ThrowsAny<RuntimeException>(() => ConnectedShell(password: "Wr0ng-Secret"));

            Assert.StartsWith("IamAuthenticationFailed", failure.ErrorRecord.FullyQualifiedErrorId);
            Assert.DoesNotContain("Wr0ng-Secret", failure.ErrorRecord.ToString());
        }
    }
}
