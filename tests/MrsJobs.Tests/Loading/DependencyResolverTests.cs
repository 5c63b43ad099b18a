using System.IO;
using System.Reflection;
using MrsJobs.Loading;
using Xunit;

namespace MrsJobs.Tests.Loading;

/// <summary>The resolver that stands in for binding redirects on Windows PowerShell 5.1.</summary>
public class DependencyResolverTests
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;

    [Fact]
    public void FindsADependencyInTheModuleFolderWhateverVersionIsAskedFor()
    {
        var resolver = new DependencyResolver(ModuleFolder);

        var assembly = resolver.Resolve(new AssemblyName("MrsJobs.Core, Version=99.0.0.0"));

        Assert.NotNull(assembly);
        Assert.Equal("MrsJobs.Core", assembly!.GetName().Name);
    }

    [Fact]
    public void LeavesAnAssemblyThatIsNotInTheFolderToTheRuntime()
    {
        var resolver = new DependencyResolver(ModuleFolder);

        Assert.Null(resolver.Resolve(new AssemblyName("Not.A.Module.Dependency, Version=1.0.0.0")));
    }
}
