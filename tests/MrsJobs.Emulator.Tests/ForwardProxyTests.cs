using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Threading.Tasks;
using MrsJobs.Emulator.ForwardProxy;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// The emulator's forward proxy and HTTPS listener: what a client behind a corporate proxy meets. The test
/// clients here trust exactly the emulator's certificate (the module under test never bypasses trust).
/// </summary>
public sealed class ForwardProxyTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;

    private ProxyHops Hops => _server.ForwardProxy!.Hops;

    public async Task InitializeAsync() =>
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { ForwardProxyPort = 0, TlsHostNames = TestCertificate.DefaultHostNames });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TunnelsHttpsToAMadeUpHostNameAndCountsTheHop()
    {
        using var client = Client(credentials: null);
        var target = new Uri($"https://mrs.proxy-test.invalid:{_server.TlsAddress!.Port}/_emulator/stats");

        var answer = await client.GetAsync(target);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, Hops.Hops[$"mrs.proxy-test.invalid:{_server.TlsAddress.Port}"]);
    }

    [Fact]
    public async Task ForwardsAnAbsoluteFormHttpRequestWithItsBody()
    {
        using var client = Client(credentials: null);
        var target = new Uri($"http://iam.proxy-test.invalid:{_server.BaseAddress.Port}/_emulator/settings");

        var answer = await client.PutAsync(target, new StringContent("{\"argument_character_check\":false}", System.Text.Encoding.UTF8, "application/json"));

        Assert.True(answer.IsSuccessStatusCode, $"HTTP {(int)answer.StatusCode}");
        Assert.False(_server.State.Settings.ArgumentCharacterCheck);
        Assert.Equal(1, Hops.Hops[$"iam.proxy-test.invalid:{_server.BaseAddress.Port}"]);
    }

    [Fact]
    public async Task AsksForBasicCredentialsWith407WhenRequiredAndAdmitsTheRightOnes()
    {
        Hops.RequireCredentials("proxy-user", "proxy-pass");
        var target = new Uri($"https://mrs.proxy-test.invalid:{_server.TlsAddress!.Port}/_emulator/stats");

        using var anonymous = Client(credentials: null);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.GetAsync(target));
        using var wrong = Client(new NetworkCredential("proxy-user", "not-it"));
        await Assert.ThrowsAsync<HttpRequestException>(() => wrong.GetAsync(target));
        using var right = Client(new NetworkCredential("proxy-user", "proxy-pass"));
        var answer = await right.GetAsync(target);

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, Hops.Hops[$"mrs.proxy-test.invalid:{_server.TlsAddress.Port}"]);
        Assert.Equal(4, Hops.AuthRefusals);   // the anonymous try, the wrong pair after its own anonymous try, and the right pair's anonymous try
    }

    [Theory]
    [InlineData("https://example.com:443/")]
    [InlineData("https://10.0.0.1:443/")]
    public async Task RefusesTargetsOffThisMachineWith502(string target)
    {
        using var client = Client(credentials: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(target));

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(1, Hops.Unreachable);
        Assert.Empty(Hops.Hops);
    }

    [Fact]
    public async Task WritesTheCertificateAsPemForClientsToTrust()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mrs-emulator-{Guid.NewGuid():N}.pem");
        await using (var server = await EmulatorServer.StartAsync(new EmulatorOptions { TlsHostNames = new[] { "a.proxy-test.invalid" }, TlsCertificatePath = path }))
        {
            using var written = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(path));

            Assert.Equal(server.TlsCertificate!.Thumbprint, written.Thumbprint);
            Assert.True(written.MatchesHostname("a.proxy-test.invalid"));
            Assert.False(written.HasPrivateKey);
        }

        File.Delete(path);
    }

    private HttpClient Client(NetworkCredential? credentials)
    {
        var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(_server.ForwardProxy!.Address) { Credentials = credentials },
            UseProxy = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                // Trust exactly the emulator's certificate, and only for the name asked.
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    certificate?.GetCertHashString() == _server.TlsCertificate!.GetCertHashString()
                    && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0,
            },
        };
        return new HttpClient(handler);
    }
}
