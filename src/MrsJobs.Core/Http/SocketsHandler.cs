using System;
using System.Net.Http;
using System.Reflection;

namespace MrsJobs.Core.Http;

/// <summary>
/// PowerShell 7's <c>SocketsHttpHandler</c>, which netstandard2.0 does not have: found and set up by reflection,
/// so the module can bound connect time and pool lifetime there and fall back to <see cref="HttpClientHandler"/>
/// on Windows PowerShell 5.1.
/// </summary>
internal static class SocketsHandler
{
    private static readonly Type? HandlerType = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);

    /// <summary><c>true</c> when the runtime has the handler (PowerShell 7), so its own settings apply rather than .NET Framework's ServicePoints.</summary>
    public static bool IsAvailable => HandlerType is not null;

    /// <summary>A new handler with <paramref name="settings"/> (property name and value; one the runtime lacks is skipped), or <c>null</c> where there is none.</summary>
    public static HttpMessageHandler? Create(params (string Property, object? Value)[] settings)
    {
        if (HandlerType is null || Activator.CreateInstance(HandlerType) is not HttpMessageHandler handler)
        {
            return null;
        }

        foreach (var (property, value) in settings)
        {
            HandlerType.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.SetValue(handler, value);
        }

        return handler;
    }
}
