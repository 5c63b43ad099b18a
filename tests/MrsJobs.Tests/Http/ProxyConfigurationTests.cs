using System;
using System.Net;
using System.Security;
using MrsJobs.Core.Http;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary><see cref="ProxyConfiguration"/> and <see cref="LoopbackBypassingProxy"/>: which requests go through which proxy.</summary>
public class ProxyConfigurationTests
{
    private static readonly Uri Proxy = new("http://proxy.example:3128/");

    public class TheLoopbackBypass
    {
        [Theory]
        [InlineData("http://127.0.0.1:8080/v3/auth/tokens")]
        [InlineData("http://127.10.20.30:8080/")]
        [InlineData("http://[::1]:8080/")]
        [InlineData("http://localhost:8080/")]
        [InlineData("https://LOCALHOST/")]
        public void SendsLoopbackDirectWhateverTheProxy(string target)
        {
            var given = ProxyConfiguration.Explicit(Proxy);
            var everything = new LoopbackBypassingProxy(new ProxyForEverything(Proxy));

            Assert.Null(given.ProxyFor(new Uri(target)));
            Assert.True(everything.IsBypassed(new Uri(target)));
            Assert.Null(everything.ProxyFor(new Uri(target)));
        }

        [Theory]
        [InlineData("https://mrs.cn-north-4.myhuaweicloud.com/")]
        [InlineData("https://128.0.0.1/")]
        [InlineData("https://localhost.example.com/")]
        public void SendsEverythingElseThroughTheProxyGiven(string target)
        {
            var given = ProxyConfiguration.Explicit(Proxy);

            Assert.Equal(Proxy, given.ProxyFor(new Uri(target)));
        }

        [Fact]
        public void FollowsTheInnerProxysOwnBypassAndDirectAnswers()
        {
            var direct = new LoopbackBypassingProxy(null);
            var bypassing = new LoopbackBypassingProxy(new WebProxy(Proxy, BypassOnLocal: false, BypassList: new[] { @"iam\.example" }));
            var target = new Uri("https://mrs.example/");

            Assert.Null(direct.ProxyFor(target));
            Assert.True(direct.IsBypassed(target));
            Assert.Null(bypassing.ProxyFor(new Uri("https://iam.example/")));
            Assert.Equal(Proxy, bypassing.ProxyFor(target));
        }

        [Fact]
        public void NoProxyMeansNoneAtAll()
        {
            Assert.Null(ProxyConfiguration.None.ProxyFor(new Uri("https://mrs.example/")));
            Assert.Null(ProxyConfiguration.None.CreateWebProxy());
        }
    }

    public class TheParameters
    {
        [Fact]
        public void NoneGivenMeansTheSystemSettings() =>
            Assert.Same(ProxyConfiguration.System, ProxyConfiguration.FromParameters(null, null, null, noProxy: false));

        [Fact]
        public void NoProxyCannotGoWithAProxy()
        {
            var error = Assert.Throws<ArgumentException>(() => ProxyConfiguration.FromParameters(Proxy, null, null, noProxy: true));

            Assert.Equal("NoProxy", error.ParamName);
        }

        [Fact]
        public void AProxyCredentialNeedsAProxy()
        {
            using var password = Secure("p");

            var error = Assert.Throws<ArgumentException>(() => ProxyConfiguration.FromParameters(null, "alice", password, noProxy: false));

            Assert.Equal("ProxyCredential", error.ParamName);
        }

        [Theory]
        [InlineData("ftp://proxy.example/")]
        [InlineData("socks5://proxy.example:1080/")]
        [InlineData("http://proxy.example:3128/some/path")]
        [InlineData("http://proxy.example:3128/?q=1")]
        public void RefusesWhatCannotBeAProxy(string proxy) =>
            Assert.Throws<ArgumentException>(() => ProxyConfiguration.Explicit(new Uri(proxy)));

        [Fact]
        public void RefusesUserInformationInTheUrlWithoutRepeatingIt()
        {
            var error = Assert.Throws<ArgumentException>(() => ProxyConfiguration.Explicit(new Uri("http://alice:Pr0xy-S3cret@proxy.example:3128/")));

            Assert.Contains("-ProxyCredential", error.Message);
            Assert.DoesNotContain("Pr0xy-S3cret", error.Message);
            Assert.DoesNotContain("alice", error.Message);
        }
    }

    public class HowASessionShowsIt
    {
        private static readonly Uri Remote = new("https://mrs.example/");
        private static readonly Uri Loopback = new("http://127.0.0.1:5000/");

        [Fact]
        public void ShowsTheProxyGivenAndItsUserButNeverThePassword()
        {
            using var password = Secure("Pr0xy-S3cret");

            var shown = ProxyConfiguration.Explicit(Proxy, "alice", password).Describe(Remote);

            Assert.Equal("http://proxy.example:3128/ (user alice)", shown);
        }

        [Fact]
        public void SaysWhyNoProxyIsUsed()
        {
            Assert.Equal("None (-NoProxy)", ProxyConfiguration.None.Describe(Remote));
            Assert.Equal("None (loopback endpoint)", ProxyConfiguration.System.Describe(Loopback));
            Assert.Equal("http://proxy.example:3128/, not used for the loopback endpoint", ProxyConfiguration.Explicit(Proxy).Describe(Loopback));
        }
    }

    private static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    // A system proxy that would take everything, loopback included (as HTTP_PROXY does for .NET's HttpClient).
    private sealed class ProxyForEverything : IWebProxy
    {
        private readonly Uri _proxy;

        public ProxyForEverything(Uri proxy) => _proxy = proxy;

        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => _proxy;

        public bool IsBypassed(Uri host) => false;
    }
}
