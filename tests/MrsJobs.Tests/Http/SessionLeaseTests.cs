using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Federation;
using MrsJobs.Core.Auth.Metadata;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary>
/// <see cref="HttpClientPool"/> with real sessions: what a session leases from its proxy's pooled client (its own
/// lease, and its IAM client's) ends at Disconnect-MrsProject, a failed connect leaves none, and a connect holds the
/// client throughout, so it is never dropped and made again halfway. The proxy has a password, so its client is
/// dropped with its last lease; the emulator is loopback, so nothing goes through the proxy.
/// </summary>
public sealed class SessionLeaseTests : EmulatorTest, IDisposable
{
    private readonly IdTokenProvider idp;
    private readonly SecureString proxyPassword = new NetworkCredential(string.Empty, "Pr0xy-Lease").SecurePassword;
    private readonly ProxyConfiguration proxy;

    public SessionLeaseTests(EmulatorFixture fixture)
        : base(fixture)
    {
        proxy = ProxyConfiguration.Explicit(new Uri($"http://proxy-{Guid.NewGuid():N}.example:3128"), "dave", proxyPassword);
        idp = new IdTokenProvider(fixture, "lease-oidc", ControlAsync);
    }

    private SessionOptions Options => new() { Proxy = proxy };

    [Fact]
    public async Task AnIdTokenSessionEndsEveryLeaseItTookAtDisconnect()
    {
        await idp.WriteTokenAsync("jti-lease");

        var session = await ConnectWithIdTokenAsync();
        var whileConnected = HttpClientPool.LeasesOf(proxy);
        session.Forget();

        Assert.Equal(2, whileConnected);   // the session's own, and its IAM client's, kept for renewals
        Assert.Null(HttpClientPool.LeasesOf(proxy));
    }

    [Fact]
    public async Task AnIdTokenExchangeIamRefusesLeavesNoLease()
    {
        await idp.WriteTokenAsync("jti-lease", lifetimeSeconds: -5);

        var error = await Assert.ThrowsAsync<MrsApiException>(ConnectWithIdTokenAsync);

        Assert.Equal(ErrorIds.IamAuthenticationFailed, error.ErrorId);
        Assert.Null(HttpClientPool.LeasesOf(proxy));
    }

    [Fact]
    public async Task AMetadataSessionKeepsItsPooledClientFromTheStartToDisconnect()
    {
        Fixture.State.Metadata.Settings = Fixture.State.Metadata.Settings with { ProjectId = string.Empty };   // so the region's project is looked up at IAM
        var seen = new ConcurrentQueue<int?>();
        using var metadata = new HttpClient(new LeaseWatchingHandler(() => seen.Enqueue(HttpClientPool.LeasesOf(proxy))));
        var credentials = new MetadataCredentials(BaseAddress, null, null, null, BaseAddress);

        var session = await MetadataSessionFactory.ConnectAsync(
            credentials, EndpointQuery.ForCredentials("cn-north-4", BaseAddress, null, credentials), CallContext.None, UserAgent, Options, metadata);
        var whileConnected = HttpClientPool.LeasesOf(proxy);
        session.Forget();

        Assert.Contains(Fixture.State.Requests.GetAll(), r => r.Path == "/v3/projects" && r.Status == 200);
        Assert.NotEmpty(seen);
        Assert.All(seen, leases => Assert.Equal(1, leases));   // held before the lookup, so the client is never dropped and made again
        Assert.Equal(1, whileConnected);
        Assert.Null(HttpClientPool.LeasesOf(proxy));
    }

    public void Dispose()
    {
        idp.Dispose();
        proxyPassword.Dispose();
    }

    private Task<MrsSession> ConnectWithIdTokenAsync()
    {
        var credentials = idp.Credentials(SeedData.CnNorth4ProjectId, BaseAddress);
        return IdTokenSessionFactory.ConnectAsync(credentials, EndpointQuery.ForCredentials(null, BaseAddress, null, credentials), CallContext.None, UserAgent, Options);
    }

    // Notes how many leases the proxy's client has whenever the metadata service is asked something.
    private sealed class LeaseWatchingHandler : DelegatingHandler
    {
        private readonly Action _note;

        public LeaseWatchingHandler(Action note)
            : base(new HttpClientHandler { UseProxy = false })
        {
            _note = note;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _note();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
