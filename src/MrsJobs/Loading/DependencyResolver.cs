using System;
using System.IO;
using System.Reflection;

namespace MrsJobs.Loading;

/// <summary>
/// Finds the module's own dependencies by simple name in the module folder. Windows PowerShell 5.1
/// runs on .NET Framework, which has no binding redirects for a module: System.Text.Json 8 and
/// System.Memory ask for different versions of System.Runtime.CompilerServices.Unsafe and friends,
/// and without this the first JSON call fails with a FileLoadException. PowerShell 7 resolves these
/// from its own runtime and never asks.
/// </summary>
internal sealed class DependencyResolver
{
    private readonly string _folder;

    public DependencyResolver(string folder) => _folder = folder;

    /// <summary>The assembly in the module folder named like <paramref name="requested"/>, whatever its version; else <c>null</c>.</summary>
    public Assembly? Resolve(AssemblyName requested)
    {
        if (string.IsNullOrEmpty(requested.Name))
        {
            return null;
        }

        var path = Path.Combine(_folder, requested.Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }

    /// <summary>An <see cref="AppDomain.AssemblyResolve"/> handler.</summary>
    public Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args) => Resolve(new AssemblyName(args.Name));
}
