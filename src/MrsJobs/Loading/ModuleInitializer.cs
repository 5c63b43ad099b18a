using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace MrsJobs.Loading;

/// <summary>
/// Runs when the module is imported and removed. On .NET Framework only, it lets the module's own
/// dependencies load from its folder (see <see cref="DependencyResolver"/>); it does nothing else,
/// so importing stays instant and sends nothing.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static DependencyResolver? _resolver;

    /// <inheritdoc />
    public void OnImport()
    {
        if (_resolver is not null || !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
        _resolver = new DependencyResolver(folder);
        AppDomain.CurrentDomain.AssemblyResolve += _resolver.OnAssemblyResolve;
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (_resolver is not null)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= _resolver.OnAssemblyResolve;
            _resolver = null;
        }
    }
}
