using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator;

/// <summary>
/// <c>dotnet MrsJobs.Emulator.dll [--urls URL] [--token-lifetime-seconds N] [--no-stdin-watch]</c>:
/// prints <c>MRS emulator listening on URL</c> as the first line, then the demo account, and runs
/// until Ctrl+C, SIGTERM, or its standard input closes (so a dead parent never leaves it running).
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: MrsJobs.Emulator [--urls http://127.0.0.1:0] [--token-lifetime-seconds N] [--no-stdin-watch]"
        + " [--tls-certificate-out PEM-PATH [--tls-host-names a.example,b.example]] [--forward-proxy-port N]";

    private static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
        var watchStdin = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--urls" when i + 1 < args.Length:
                    options.Urls = args[++i];
                    break;
                case "--token-lifetime-seconds" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    options.TokenLifetime = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case "--no-stdin-watch":
                    watchStdin = false;
                    break;
                case "--tls-certificate-out" when i + 1 < args.Length:
                    options.TlsCertificatePath = args[++i];
                    options.TlsHostNames ??= ForwardProxy.TestCertificate.DefaultHostNames;
                    break;
                case "--tls-host-names" when i + 1 < args.Length:
                    options.TlsHostNames = ForwardProxy.TestCertificate.ParseHostNames(args[++i]);
                    break;
                case "--forward-proxy-port" when i + 1 < args.Length
                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var proxyPort) && proxyPort <= 65535:
                    options.ForwardProxyPort = proxyPort;
                    i++;
                    break;
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        await using (server.ConfigureAwait(false))
        {
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.TrySetResult();
            };
            using var sigterm = RegisterSigterm(stop);
            Console.Out.WriteLine($"MRS emulator listening on {server.BaseAddress}");
            Console.Out.Flush();
            Describe(server, options, watchStdin);
            if (watchStdin)
            {
                // A thread of its own: the blocking read must not hold a thread-pool thread the requests need.
                new Thread(() => WaitForStdinToClose(stop)) { IsBackground = true, Name = "stdin watch" }.Start();
            }

            await stop.Task.ConfigureAwait(false);
        }

        return 0;
    }

    private static void Describe(EmulatorServer server, EmulatorOptions options, bool watchStdin)
    {
        var state = server.State;
        var domain = state.Identity.FindDomain(SeedData.DomainName, null)!;
        var lines = new[]
        {
            $"  IAM {server.BaseAddress}v3/  MRS {server.BaseAddress}v2/{{project_id}}/  control {server.BaseAddress}_emulator/",
            server.TlsAddress is { } tls ? $"  HTTPS {tls} as {string.Join(", ", options.TlsHostNames ?? [])} (self-signed certificate)" : null,
            server.ForwardProxy is { } proxy ? $"  forward proxy {proxy.Address}: reaches this machine only; hops at {server.BaseAddress}_emulator/forward-proxy" : null,
            $"  account (domain) {domain.Name}, id {domain.Id}",
            $"  user {SeedData.UserName} / {SeedData.Password}: synchronized to every cluster",
            $"  user {SeedData.UnsyncedUserName} / {SeedData.UnsyncedPassword}: synchronized to no cluster (submissions get 0192)",
            $"  access key of {SeedData.UserName}: AK {SeedData.AccessKey} SK {SeedData.SecretKey}",
            $"  temporary access key of {SeedData.UserName}: AK {SeedData.TemporaryAccessKey} SK {SeedData.TemporarySecretKey} X-Security-Token {SeedData.SecurityToken}",
        }.Concat(state.Identity.GetProjects(domain.Id).Select(p => $"  project {p.Name}, id {p.Id}"))
         .Concat(state.Clusters.GetAll().Select(c => $"  cluster {c.ClusterId} in {c.ProjectId}: {Purpose(c)}"))
         .Append($"  tokens live {state.Settings.TokenLifetime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; stop with Ctrl+C or SIGTERM"
            + (watchStdin ? ", or by closing standard input" : string.Empty));
        foreach (var line in lines.OfType<string>())
        {
            Console.Out.WriteLine(line);
        }

        Console.Out.Flush();
    }

    private static string Purpose(EmulatorCluster cluster)
    {
        var components = string.Join(", ", cluster.Components.OrderBy(c => c));
        var refused = new[] { (ClusterComponent.Spark, "Spark 0057"), (ClusterComponent.Hive, "Hive 0168"), (ClusterComponent.Flink, "Flink 0169") }
            .Where(r => !cluster.Components.Contains(r.Item1)).Select(r => r.Item2).ToArray();
        var verdict = refused.Length == 0 ? "every job type is accepted" : "refuses " + string.Join(", ", refused);
        return $"{components}; {cluster.State}; {verdict}";
    }

    private static IDisposable? RegisterSigterm(TaskCompletionSource stop)
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.TrySetResult();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static void WaitForStdinToClose(TaskCompletionSource stop)
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
                // Input is ignored; only its end matters.
            }
        }
        catch (IOException)
        {
        }

        stop.TrySetResult();
    }
}
