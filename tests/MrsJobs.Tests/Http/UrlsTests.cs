using System;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary><see cref="Urls"/>: the one place that says whether a URL is loopback and shows it without credentials.</summary>
public class UrlsTests
{
    public class TheShownMethod
    {
        [Theory]
        [InlineData("http://alice:S3cret-Pw@proxy.example:3128/", "http://proxy.example:3128")]
        [InlineData("https://alice:S3cret-Pw@mrs.example.com/v2/?q=1#f", "https://mrs.example.com/v2")]
        [InlineData("http://169.254.169.254", "http://169.254.169.254")]
        [InlineData("alice:S3cret-Pw@proxy.example:3128", "alice:")]
        public void KeepsSchemeHostPortAndPathAndNeverTheUserInformation(string url, string shown)
        {
            Assert.Equal(shown, Urls.Shown(new Uri(url)));
            Assert.Equal(shown, Urls.Shown(url));
        }

        [Theory]
        [InlineData("//alice:S3cret-Pw@proxy.example")]
        [InlineData("alice S3cret-Pw@proxy example")]
        public void ShowsWhatFollowsTheLastAtSignOfWhatIsNoUrl(string text)
        {
            Assert.Equal(text.Substring(text.LastIndexOf('@') + 1), Urls.Shown(text));
            Assert.DoesNotContain("S3cret-Pw", Urls.Shown(new Uri(text, UriKind.RelativeOrAbsolute)));
        }

        [Theory]
        [InlineData("alice:S3cret-Pw@mrs.example.com", "https://mrs.example.com")]
        [InlineData(" https://alice:S3cret-Pw@mrs.example.com/ ", "https://mrs.example.com")]
        public void ShowsAnEndpointAsTheParametersReadIt(string given, string shown)
        {
            Assert.Equal(shown, Endpoints.Shown(given));
        }
    }

    public class TheIsLoopbackMethod
    {
        [Theory]
        [InlineData("http://127.0.0.1:8080/", true)]
        [InlineData("http://127.10.20.30/", true)]
        [InlineData("http://[::1]:8080/", true)]
        [InlineData("https://LOCALHOST/", true)]
        [InlineData("https://128.0.0.1/", false)]
        [InlineData("https://localhost.example.com/", false)]
        public void KnowsLocalhostAnd127Slash8AndIpv6Loopback(string url, bool loopback)
        {
            Assert.Equal(loopback, Urls.IsLoopback(new Uri(url)));
        }
    }
}
