using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MrsJobs.Emulator.Control;
using MrsJobs.Emulator.ForwardProxy;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.Iam;
using MrsJobs.Emulator.Metadata;
using MrsJobs.Emulator.Mrs;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator;

/// <summary>
/// A running emulator: IAM (<c>/v3/…</c>), MRS (<c>/v2/…</c>) and the control API (<c>/_emulator/…</c>)
/// on one loopback base address. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private EmulatorServer(WebApplication app, EmulatorState state)
    {
        this.app = app;
        State = state;
    }

    /// <summary>The base address, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The state the endpoints work on, for in-process configuration and inspection.</summary>
    public EmulatorState State { get; }

    /// <summary>The HTTPS base address (<see cref="EmulatorOptions.TlsHostNames"/>), e.g. <c>https://127.0.0.1:41236/</c>; <see langword="null"/> without one.</summary>
    public Uri? TlsAddress { get; private set; }

    /// <summary>The HTTPS listener's self-signed certificate; <see langword="null"/> without one.</summary>
    public X509Certificate2? TlsCertificate { get; private set; }

    /// <summary>The forward proxy (<see cref="EmulatorOptions.ForwardProxyPort"/>); <see langword="null"/> without one.</summary>
    public ForwardProxyServer? ForwardProxy { get; private set; }

    /// <summary>Starts an emulator, by default on <c>http://127.0.0.1:0</c> (a free port).</summary>
    /// <param name="options">Start-up options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">A URL is not <c>http://</c> on a loopback address.</exception>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var urls = ParseLoopbackUrls(options.Urls);
        var state = new EmulatorState(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();

        var certificate = options.TlsHostNames is { } hostNames ? TestCertificate.Create(hostNames) : null;
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        var app = builder.Build();
        app.Urls.Clear();
        foreach (var url in urls)
        {
            app.Urls.Add(url);
        }

        if (certificate is not null)
        {
            app.Urls.Add("https://127.0.0.1:0");
        }

        app.Use(RequestIds.StampAsync);
        app.Use(RequestRecorder.RecordAsync);
        app.Use(MrsTraffic.HandleAsync);
        app.UseStatusCodePages(context => GatewayErrors.WriteBodylessErrorAsync(context.HttpContext));
        app.MapIam();
        app.MapMrs();
        app.MapControl();
        app.MapMetadata();
        var server = new EmulatorServer(app, state);
        app.MapForwardProxyControl(server);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        server.BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        if (certificate is not null)
        {
            server.TlsCertificate = certificate;
            server.TlsAddress = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/') + "/");
            if (options.TlsCertificatePath is { } path)
            {
                TestCertificate.WritePem(certificate, path);
            }
        }

        if (options.ForwardProxyPort is { } proxyPort)
        {
            try
            {
                server.ForwardProxy = ForwardProxyServer.Start(proxyPort, new ProxyHops());
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw new ArgumentException($"The forward proxy cannot listen on 127.0.0.1:{proxyPort}: {ex.Message}", nameof(options), ex);
            }
        }

        return server;
    }

    /// <summary>Stops listening and releases the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (ForwardProxy is not null)
        {
            await ForwardProxy.DisposeAsync().ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        TlsCertificate?.Dispose();
    }

    /// <summary>Splits <paramref name="urls"/> on <c>;</c> and refuses anything but <c>http://</c> on loopback.</summary>
    internal static string[] ParseLoopbackUrls(string urls)
    {
        var list = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one URL is required.", nameof(urls));
        }

        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"'{url}' is not an http:// URL.", nameof(urls));
            }

            var loopback = uri.IsLoopback
                && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
            if (!loopback)
            {
                throw new ArgumentException(
                    $"'{url}' is not a loopback address: the emulator publishes its passwords and must not be reachable from other machines.",
                    nameof(urls));
            }
        }

        return list;
    }

    /// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the caller (tests, or Program).</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
