using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MrsJobs.Commands;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Cmdlets;

/// <summary>The built module imported into a hosted PowerShell (System.Management.Automation 7.6.9).</summary>
public class ModuleHostingTests
{
    private static PowerShell Shell()
    {
        var shell = PowerShell.Create(InitialSessionState.CreateDefault2());
        shell.AddCommand("Import-Module").AddParameter("Name", typeof(NewMrsJobExecutionCommand).Assembly.Location).Invoke();
        Assert.False(shell.HadErrors, string.Join("; ", shell.Streams.Error));
        shell.Commands.Clear();
        return shell;
    }

    [Fact]
    public void ExportsEveryCmdlet()
    {
        using var shell = Shell();

        var names = shell.AddCommand("Get-Command").AddParameter("Module", "MrsJobs").Invoke()
            .Select(c => ((CommandInfo)c.BaseObject).Name).OrderBy(n => n);

        Assert.Equal(
            new[]
            {
                "Connect-MrsProject", "Disconnect-MrsProject", "Get-MrsJobExecution", "Get-MrsJobSqlResult", "Get-MrsSession",
                "New-MrsJobExecution", "Remove-MrsJobExecution", "Stop-MrsJobExecution", "Wait-MrsJobExecution",
            },
            names);
    }

    [Fact]
    public void ShowsTheSnakeCaseAliasesAndCommonRiskParameters()
    {
        using var shell = Shell();

        var command = (CmdletInfo)shell.AddCommand("Get-Command").AddParameter("Name", "New-MrsJobExecution").Invoke().Single().BaseObject;

        Assert.Contains("cluster_id", command.Parameters["ClusterId"].Aliases);
        Assert.Contains("job_name", command.Parameters["JobName"].Aliases);
        Assert.Contains("job_type", command.Parameters["JobType"].Aliases);
        Assert.Contains("WhatIf", command.Parameters.Keys);
        Assert.Contains("Confirm", command.Parameters.Keys);
        Assert.Equal(typeof(JobSubmitResult), command.OutputType.Single().Type);
    }

    [Fact]
    public void RefusesABrokenJobBeforeSendingAnythingAndNamesTheRule()
    {
        using var shell = Shell();

        shell.AddCommand("New-MrsJobExecution")
            .AddParameter("ClusterId", "c-1").AddParameter("JobName", "bad name").AddParameter("JobType", "MapReduce")
            .AddParameter("WhatIf").Invoke();

        var error = Assert.Single(shell.Streams.Error);
        Assert.Equal("InvalidJobDefinition.JobName,MrsJobs.Commands.NewMrsJobExecutionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.DoesNotContain("-SkipCheck", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void SuggestsSkippingOnlyTheRulesTheServiceIsKnownToBend()
    {
        using var shell = Shell();

        shell.AddCommand("New-MrsJobExecution")
            .AddParameter("ClusterId", "c-1").AddParameter("JobName", "hive-sql").AddParameter("JobType", "HiveSql")
            .AddParameter("Arguments", new[] { "DROP TABLE t;CREATE TABLE t (a int)" })
            .AddParameter("WhatIf").Invoke();

        var error = Assert.Single(shell.Streams.Error);
        Assert.Contains("-SkipCheck ArgumentCharacters", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void ReadsACellOfArgumentsAndSendsNothingWithWhatIf()
    {
        using var shell = Shell();

        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("cluster_id", "c-1"));
        row.Properties.Add(new PSNoteProperty("job_name", "wc"));
        row.Properties.Add(new PSNoteProperty("job_type", "mapreduce"));
        row.Properties.Add(new PSNoteProperty("arguments", "[\"obs://b/job.jar\",\"wordcount\"]"));
        row.Properties.Add(new PSNoteProperty("properties", "a=1;b=two words"));

        var output = shell.AddCommand("New-MrsJobExecution").AddParameter("WhatIf").Invoke(new[] { row });

        Assert.Empty(output);
        Assert.Empty(shell.Streams.Error);
    }

    [Fact]
    public void TakesASingleStringTypedForArgumentsAsOneArgument()
    {
        using var shell = Shell();

        shell.AddCommand("New-MrsJobExecution")
            .AddParameter("ClusterId", "c-1").AddParameter("JobName", "wc").AddParameter("JobType", "MapReduce")
            .AddParameter("Arguments", "[\"a\",\"b\"]").AddParameter("WhatIf").Invoke();

        var error = Assert.Single(shell.Streams.Error);
        Assert.Equal("InvalidJobDefinition.ArgumentCharacters,MrsJobs.Commands.NewMrsJobExecutionCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void SaysToConnectFirstWithoutASession()
    {
        using var shell = Shell();

        var failure = Assert.ThrowsAny<RuntimeException>(() => shell.AddCommand("New-MrsJobExecution")
            .AddParameter("ClusterId", "c-1").AddParameter("JobName", "wc").AddParameter("JobType", "MapReduce").Invoke());

        Assert.Equal("MrsNotConnected,MrsJobs.Commands.NewMrsJobExecutionCommand", failure.ErrorRecord.FullyQualifiedErrorId);
    }
}
