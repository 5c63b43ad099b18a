using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>Starting and stopping the emulator, in process and as <c>dotnet MrsJobs.Emulator.dll</c>.</summary>
public sealed class HostingTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://192.168.1.10:8080")]
    [InlineData("http://example.com:80")]
    [InlineData("http://127.0.0.1:0;http://0.0.0.0:0")]
    [InlineData("https://127.0.0.1:0")]
    public async Task ANonLoopbackOrNonHttpAddressIsRefused(string urls)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Urls = urls }));
    }

    [Fact]
    public async Task TheDefaultServerListensOnAFreeLoopbackPortAndStopsWhenDisposed()
    {
        var server = await EmulatorServer.StartAsync();
        var address = server.BaseAddress;
        using var http = new HttpClient { BaseAddress = address };

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.EndsWith("/", address.AbsoluteUri);
        Assert.Equal(204, (int)(await http.PostAsync("_emulator/reset", null)).StatusCode);

        await server.DisposeAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("_emulator/reset", null));
    }

    [Fact]
    public async Task TheProgramPrintsItsAddressFirstAndExitsWhenStandardInputCloses()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MrsJobs.Emulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--token-lifetime-seconds", "120" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Matches(@"^MRS emulator listening on http://127\.0\.0\.1:\d+/$", first);
            var baseAddress = first!["MRS emulator listening on ".Length..];
            var rest = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.NotNull(rest);

            using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
            var settings = await http.GetStringAsync("_emulator/settings");
            Assert.Contains("\"token_lifetime_seconds\":120", settings);

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
