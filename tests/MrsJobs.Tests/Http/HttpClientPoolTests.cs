using System;
using System.Net;
using System.Security;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary><see cref="HttpClientPool"/>: one pooled client per proxy configuration, never one per request.</summary>
public class HttpClientPoolTests
{
    private static readonly Uri ProxyA = new("http://proxy-a.example:3128");
    private static readonly Uri ProxyB = new("http://proxy-b.example:3128");

    [Fact]
    public void TheSameConfigurationSharesOneClient()
    {
        using var first = HttpClientPool.Acquire(ProxyConfiguration.System);
        using var second = HttpClientPool.Acquire(ProxyConfiguration.System);

        Assert.Same(first.Client, second.Client);
    }

    [Fact]
    public void TheSystemSettingsNoProxyAndAGivenProxyEachHaveTheirOwnClient()
    {
        using var system = HttpClientPool.Acquire(ProxyConfiguration.System);
        using var none = HttpClientPool.Acquire(ProxyConfiguration.None);
        using var given = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyA));

        Assert.NotSame(system.Client, none.Client);
        Assert.NotSame(system.Client, given.Client);
        Assert.NotSame(none.Client, given.Client);
    }

    [Fact]
    public void TheSameProxyGivenTwiceWithoutCredentialsSharesOneClientAndAnotherProxyDoesNot()
    {
        using var first = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyA));
        using var again = HttpClientPool.Acquire(ProxyConfiguration.Explicit(new Uri("HTTP://PROXY-A.example:3128/")));
        using var other = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyB));

        Assert.Same(first.Client, again.Client);
        Assert.NotSame(first.Client, other.Client);
    }

    [Fact]
    public void TheSameCredentialSharesOneClientAndAnotherCredentialWithTheSamePasswordDoesNot()
    {
        using var password = Secure("p4ss");
        using var samePasswordElsewhere = Secure("p4ss");

        using var first = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyA, "alice", password));
        using var again = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyA, "alice", password));
        using var otherCredential = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyA, "alice", samePasswordElsewhere));
        using var anonymous = HttpClientPool.Acquire(ProxyConfiguration.Explicit(ProxyA));

        Assert.Same(first.Client, again.Client);
        Assert.NotSame(first.Client, otherCredential.Client);
        Assert.NotSame(first.Client, anonymous.Client);
    }

    [Fact]
    public void AClientHoldingAProxyPasswordIsDroppedWithItsLastLease()
    {
        using var password = Secure("p4ss");
        var proxy = ProxyConfiguration.Explicit(ProxyB, "bob", password);
        var first = HttpClientPool.Acquire(proxy);
        var second = HttpClientPool.Acquire(proxy);

        first.Dispose();
        first.Dispose();   // a lease ends once
        var afterOne = HttpClientPool.LeasesOf(proxy);
        second.Dispose();

        Assert.Equal(1, afterOne);
        Assert.Null(HttpClientPool.LeasesOf(proxy));
        Assert.Throws<ObjectDisposedException>(() => second.Client.CancelPendingRequests());
    }

    [Fact]
    public void AClientWithoutProxyCredentialsOutlivesItsLeasesSoConnectionsAreReused()
    {
        var proxy = ProxyConfiguration.Explicit(new Uri("http://proxy-kept.example:8080"));
        var lease = HttpClientPool.Acquire(proxy);
        var client = lease.Client;

        lease.Dispose();
        using var next = HttpClientPool.Acquire(proxy);

        Assert.Same(client, next.Client);
    }

    [Fact]
    public void ASessionHoldsOneLeaseFromConnectToDisconnect()
    {
        using var password = Secure("p4ss");
        var proxy = ProxyConfiguration.Explicit(new Uri("http://proxy-session.example:3128"), "carol", password);
        var session = SessionFactory.FromToken("a-token", "a-project", null, new Uri("https://mrs.example/"), null, options: new SessionOptions { Proxy = proxy });

        var whileConnected = HttpClientPool.LeasesOf(proxy);
        session.Forget();

        Assert.Equal(1, whileConnected);
        Assert.Null(HttpClientPool.LeasesOf(proxy));
        Assert.Equal("http://proxy-session.example:3128/ (user carol)", session.Proxy);
    }

    [Fact]
    public void ThePoolKeyNeverHoldsThePassword()
    {
        using var password = Secure("Sup3r-Secret-Proxy-Pass");

        var proxy = ProxyConfiguration.Explicit(ProxyA, "alice", password);

        Assert.DoesNotContain("Sup3r-Secret-Proxy-Pass", proxy.PoolKey);
        Assert.Contains("proxy-a.example:3128", proxy.PoolKey);
    }

    private static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;
}
