using System;
using System.Linq;
using System.Reflection;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Models;

/// <summary>Keeps the public models honest: results are read-only once made.</summary>
public class ModelConventionTests
{
    private static readonly Type[] Models = typeof(JobDefinition).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "MrsJobs.Core.Models" && !t.IsEnum)
        .OrderBy(t => t.Name)
        .ToArray();

    public static TheoryData<Type> PublicModelTypes => new(Models);

    [Fact]
    public void FindsTheModels()
    {
        Assert.Contains(typeof(JobDefinition), Models);
        Assert.Contains(typeof(JobSubmitResult), Models);
    }

    [Theory]
    [MemberData(nameof(PublicModelTypes))]
    public void HaveNoPublicSetters(Type type)
    {
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);

        Assert.Empty(settable);
    }

    [Theory]
    [MemberData(nameof(PublicModelTypes))]
    public void HaveNoPublicWritableFields(Type type)
    {
        var writable = type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => f.Name);

        Assert.Empty(writable);
    }

    [Fact]
    public void ShowsAReadableJobDefinition()
    {
        var job = new JobDefinition("c-1", JobTypes.HiveSql, "daily", new[] { "a" }, new[] { new System.Collections.Generic.KeyValuePair<string, string>("fs.obs.secret.key", "SK-value") });

        Assert.Equal("HiveSql job 'daily' on cluster c-1 (1 argument(s), properties: fs.obs.secret.key)", job.ToString());
        Assert.DoesNotContain("SK-value", job.ToString());
    }
}
