using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using MrsJobs.Session;
using System.Runtime.InteropServices;

namespace MrsJobs.Loading;

/// <summary>
/// Runs when the module is imported and removed. On .NET Framework only, it lets the module's own
/// dependencies load from its folder (see <see cref="DependencyResolver"/>) and allows TLS 1.2
/// (Windows PowerShell may default to older protocols that Huawei Cloud refuses); it does nothing
/// else, so importing stays instant and sends nothing. Removing the module forgets this runspace's session.
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
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        SessionStore.SetCurrent(null);
        if (_resolver is not null)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= _resolver.OnAssemblyResolve;
            _resolver = null;
        }
    }
}
