using System;
using System.IO;
using System.Linq;
using System.Reflection;
using MrsJobs.Core.Errors;
using Xunit;

namespace MrsJobs.Tests.Errors;

/// <summary>Every error id the module gives is in <see cref="ErrorIds"/>, and every one of them is documented in about_MrsJobs.</summary>
public class ErrorIdCatalogTests
{
    private static readonly string[] Ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public static TheoryData<string> AllIds => new(Ids);

    [Theory]
    [MemberData(nameof(AllIds))]
    public void IsDocumentedInAboutMrsJobs(string id)
    {
        var help = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "en-US", "about_MrsJobs.md"));

        Assert.Contains("`" + id, help, StringComparison.Ordinal);
    }

    [Fact]
    public void HasNoIdTwice()
    {
        Assert.Equal(Ids.Length, Ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CoversTheIdsNoAnswerGives()
    {
        foreach (var kind in new[] { MrsErrorKind.Connection, MrsErrorKind.Timeout })
        {
            Assert.Contains(new MrsApiException("x", kind).ErrorId, Ids);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MrsJobs.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MrsJobs.sln) was not found above " + AppContext.BaseDirectory);
    }
}
