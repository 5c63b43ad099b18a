using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using MrsJobs.Commands;
using Xunit;

namespace MrsJobs.Tests.Cmdlets;

/// <summary>The house conventions of every cmdlet in the MrsJobs assembly, read by reflection.</summary>
public class CmdletConventionTests
{
    private static readonly Assembly Module = typeof(NewMrsJobExecutionCommand).Assembly;

    private static readonly Type[] Cmdlets = Module.GetTypes()
        .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null)
        .OrderBy(t => t.Name)
        .ToArray();

    public static TheoryData<Type> CmdletTypes => new(Cmdlets);

    // Remove-MrsJobExecution and Disconnect-MrsProject write nothing, as Remove-Item and Disconnect-PSSession -Force don't.
    private static readonly Type[] Silent = { typeof(RemoveMrsJobExecutionCommand), typeof(DisconnectMrsProjectCommand) };

    public static TheoryData<Type> CmdletsThatWrite => new(Cmdlets.Except(Silent));

    public static TheoryData<Type> SilentCmdlets => new(Silent);

    public static TheoryData<Type, string> PublicParameters => Parameters();

    private static TheoryData<Type, string> Parameters()
    {
        var data = new TheoryData<Type, string>();
        foreach (var type in Cmdlets)
        {
            foreach (var property in type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()))
            {
                data.Add(type, property.Name);
            }
        }

        return data;
    }

    [Fact]
    public void FindsEveryCmdlet()
    {
        var names = Cmdlets.Select(t => t.GetCustomAttribute<CmdletAttribute>()!)
            .Select(a => a.VerbName + "-" + a.NounName);

        Assert.Equal(
            new[]
            {
                "Connect-MrsProject", "Disconnect-MrsProject", "Get-MrsJobExecution", "Get-MrsJobSqlResult", "Get-MrsSession",
                "New-MrsJobExecution", "Remove-MrsJobExecution", "Stop-MrsJobExecution", "Wait-MrsJobExecution",
            },
            names);
    }

    [Theory]
    [InlineData(typeof(StopMrsJobExecutionCommand))]
    [InlineData(typeof(RemoveMrsJobExecutionCommand))]
    public void AsksBeforeDestroyingAndOffersForce(Type type)
    {
        var cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;

        Assert.True(cmdlet.SupportsShouldProcess);
        Assert.Equal(ConfirmImpact.High, cmdlet.ConfirmImpact);
        Assert.Equal(typeof(SwitchParameter), type.GetProperty("Force")!.PropertyType);
    }

    [Theory]
    [InlineData(typeof(GetMrsJobExecutionCommand))]
    [InlineData(typeof(WaitMrsJobExecutionCommand))]
    [InlineData(typeof(StopMrsJobExecutionCommand))]
    [InlineData(typeof(RemoveMrsJobExecutionCommand))]
    [InlineData(typeof(GetMrsJobSqlResultCommand))]
    public void BindsTheJobFromASubmitResultByPropertyName(Type type)
    {
        foreach (var (parameter, alias) in new[] { ("JobId", "job_id"), ("ClusterId", "cluster_id") })
        {
            var property = type.GetProperty(parameter)!;
            Assert.Contains(property.GetCustomAttributes<ParameterAttribute>(), p => p.ValueFromPipelineByPropertyName);
            Assert.Contains(alias, property.GetCustomAttribute<AliasAttribute>()!.AliasNames);
            Assert.NotNull(typeof(MrsJobs.Core.Models.JobSubmitResult).GetProperty(parameter));
            Assert.NotNull(typeof(MrsJobs.Core.Models.JobExecution).GetProperty(parameter));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletTypes))]
    public void IsSealed(Type type)
    {
        Assert.True(type.IsSealed);
        Assert.EndsWith("Command", type.Name);
    }

    [Theory]
    [MemberData(nameof(CmdletTypes))]
    public void UsesAnApprovedVerb(Type type)
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetValue(null)!);

        Assert.Contains(type.GetCustomAttribute<CmdletAttribute>()!.VerbName, approved);
    }

    [Theory]
    [MemberData(nameof(CmdletsThatWrite))]
    public void DeclaresItsOutputType(Type type)
    {
        Assert.NotEmpty(type.GetCustomAttributes<OutputTypeAttribute>());
    }

    [Theory]
    [MemberData(nameof(SilentCmdlets))]
    public void DeclaresNoOutputForACmdletThatWritesNothing(Type type)
    {
        Assert.Empty(type.GetCustomAttributes<OutputTypeAttribute>());
    }

    [Fact]
    public void LetsNewMrsJobExecutionBeRunWithWhatIfAndConfirm()
    {
        Assert.True(typeof(NewMrsJobExecutionCommand).GetCustomAttribute<CmdletAttribute>()!.SupportsShouldProcess);
    }

    [Theory]
    [InlineData("ClusterId", "cluster_id")]
    [InlineData("JobName", "job_name")]
    [InlineData("JobType", "job_type")]
    [InlineData("Arguments", null)]
    [InlineData("Properties", null)]
    public void BindsEachJobFieldFromACsvColumnOfTheApiName(string parameter, string? alias)
    {
        var property = typeof(NewMrsJobExecutionCommand).GetProperty(parameter)!;

        Assert.All(property.GetCustomAttributes<ParameterAttribute>(), p => Assert.True(p.ValueFromPipelineByPropertyName));
        if (alias is not null)
        {
            Assert.Contains(alias, property.GetCustomAttribute<AliasAttribute>()!.AliasNames);
        }
    }

    [Theory]
    [MemberData(nameof(PublicParameters))]
    public void DocumentsEveryParameter(Type cmdlet, string parameter)
    {
        var path = Path.ChangeExtension(Module.Location, ".xml");
        Assert.True(File.Exists(path), $"{path} is missing: GenerateDocumentationFile should write it next to the DLL.");
        var declaring = cmdlet.GetProperty(parameter)!.DeclaringType!;
        var member = XDocument.Load(path).Descendants("member")
            .SingleOrDefault(m => (string?)m.Attribute("name") == $"P:{declaring.FullName}.{parameter}");

        Assert.NotNull(member);
        Assert.False(string.IsNullOrWhiteSpace(member!.Value), $"{cmdlet.Name}.{parameter} has an empty XML doc.");
    }
}
