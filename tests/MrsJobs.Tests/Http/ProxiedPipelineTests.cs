using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Emulator;
using MrsJobs.Emulator.ForwardProxy;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary>
/// <see cref="MrsHttpPipeline"/> through the emulator's real forward proxy (plain http, so no certificate
/// trust is needed here; HTTPS through CONNECT is tested end to end in Pester): the hops are counted by the proxy.
/// </summary>
public sealed class ProxiedPipelineTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;

    private ProxyHops Hops => _server.ForwardProxy!.Hops;

    private Uri ProxyAddress => _server.ForwardProxy!.Address;

    // A made-up name the proxy maps to the emulator: only a proxy can reach it.
    private Uri MadeUp => new($"http://mrs.proxy-test.invalid:{_server.BaseAddress.Port}/_emulator/stats");

    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorOptions { ForwardProxyPort = 0 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendsThroughTheProxyGivenAndSaysSoInVerbose()
    {
        var trace = new VerboseLines();
        using var pipeline = Pipeline(ProxyConfiguration.Explicit(ProxyAddress));

        var answer = await pipeline.SendAsync(HttpMethod.Get, MadeUp, null, new CallContext(trace, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, Hops.Hops[MadeUp.Authority]);
        Assert.Contains($"GET {MadeUp} through the proxy {ProxyAddress}", trace.Lines);
    }

    [Fact]
    public async Task SendsLoopbackDirectEvenWithAProxyGivenAndSaysNothingOfProxies()
    {
        var trace = new VerboseLines();
        using var pipeline = Pipeline(ProxyConfiguration.Explicit(ProxyAddress));

        var answer = await pipeline.SendAsync(HttpMethod.Get, new Uri(_server.BaseAddress, "_emulator/stats"), null, new CallContext(trace, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(Hops.Hops);
        Assert.DoesNotContain(trace.Lines, line => line.Contains("proxy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A407IsItsOwnErrorNotSentAndNeverRetried()
    {
        Hops.RequireCredentials("proxy-user", "Pr0xy-Right");
        using var password = Secure("Pr0xy-Wrong");
        using var pipeline = Pipeline(ProxyConfiguration.Explicit(ProxyAddress, "proxy-user", password), RetryPolicy.Default);

        var error = await Assert.ThrowsAsync<MrsApiException>(() => pipeline.SendAsync(HttpMethod.Get, MadeUp, null, CallContext.None));

        Assert.Equal(ErrorIds.ProxyAuthenticationRequired, error.ErrorId);
        Assert.Equal(MrsErrorKind.Authentication, error.Kind);
        Assert.Equal(RequestOutcome.NotSent, error.Outcome);
        Assert.Contains($"The proxy {ProxyAddress} refused the credentials of user 'proxy-user'", error.Message);
        Assert.DoesNotContain("Pr0xy-Wrong", error.ToString());
        Assert.Equal(2, Hops.AuthRefusals);   // .NET's try without credentials, then with them: nothing more
        Assert.Empty(Hops.Hops);
    }

    [Fact]
    public async Task TheRightProxyCredentialGetsThrough()
    {
        Hops.RequireCredentials("proxy-user", "Pr0xy-Right");
        using var password = Secure("Pr0xy-Right");
        using var pipeline = Pipeline(ProxyConfiguration.Explicit(ProxyAddress, "proxy-user", password));

        var answer = await pipeline.SendAsync(HttpMethod.Get, MadeUp, null, CallContext.None);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, Hops.Hops[MadeUp.Authority]);
    }

    [Fact]
    public async Task AProxyThatCannotBeReachedIsNamedInTheErrorWithoutItsCredentials()
    {
        var closed = ClosedPort.Address();
        using var password = Secure("Pr0xy-S3cret");
        using var pipeline = Pipeline(ProxyConfiguration.Explicit(closed, "proxy-user", password));

        var error = await Assert.ThrowsAsync<MrsApiException>(() => pipeline.SendAsync(HttpMethod.Get, MadeUp, null, CallContext.None));

        Assert.Equal(ErrorIds.Connection, error.ErrorId);
        Assert.Equal(RequestOutcome.NotSent, error.Outcome);
        Assert.StartsWith($"Cannot reach http://mrs.proxy-test.invalid:{MadeUp.Port} through the proxy {closed}: ", error.Message);
        Assert.DoesNotContain("Pr0xy-S3cret", error.ToString());
    }

    [Fact]
    public async Task ADirectFailureDoesNotMentionProxies()
    {
        using var pipeline = Pipeline(ProxyConfiguration.None);

        var error = await Assert.ThrowsAsync<MrsApiException>(() => pipeline.SendAsync(HttpMethod.Get, ClosedPort.Address(), null, CallContext.None));

        Assert.StartsWith("Cannot reach http://127.0.0.1:", error.Message);
        Assert.DoesNotContain("proxy", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static MrsHttpPipeline Pipeline(ProxyConfiguration proxy, RetryPolicy? retry = null) =>
        new(null, "MrsJobs.Tests/1.0", TimeSpan.FromSeconds(10), retry ?? RetryPolicy.None, proxy: proxy);

    private static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    private sealed class VerboseLines : IHttpTraceSink
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string[] Lines => _lines.ToArray();

        public bool IsDebugEnabled => false;

        public void Verbose(string message) => _lines.Enqueue(message);

        public void Debug(string message)
        {
        }
    }
}
