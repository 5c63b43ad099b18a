using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MrsJobs.Emulator.Control;
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

    private EmulatorServer(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        this.app = app;
        State = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The base address, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The state the endpoints work on, for in-process configuration and inspection.</summary>
    public EmulatorState State { get; }

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

        var app = builder.Build();
        app.Urls.Clear();
        foreach (var url in urls)
        {
            app.Urls.Add(url);
        }

        app.Use(RequestIds.StampAsync);
        app.Use(RequestRecorder.RecordAsync);
        app.Use(MrsTraffic.HandleAsync);
        app.UseStatusCodePages(context => GatewayErrors.WriteBodylessErrorAsync(context.HttpContext));
        app.MapIam();
        app.MapMrs();
        app.MapControl();
        app.MapMetadata();

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        return new EmulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops listening and releases the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
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
