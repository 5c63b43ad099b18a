using System;
using MrsJobs.Core.Sessions;
using Xunit;

namespace MrsJobs.Tests.Sessions;

/// <summary><see cref="Endpoints"/>: which user-given URLs are safe, and what a host name alone means.</summary>
public class EndpointsTests
{
    public class TheIamRootMethod
    {
        [Theory]
        [InlineData("https://iam.example.com/v3", "https://iam.example.com/")]
        [InlineData("https://iam.example.com/v3/", "https://iam.example.com/")]
        [InlineData("https://proxy.example.com/iam/v3/", "https://proxy.example.com/iam/")]
        [InlineData("https://iam.example.com/", "https://iam.example.com/")]
        public void CutsAnOpenStackStyleV3BaseBackToItsRoot(string endpoint, string expected)
        {
            Assert.Equal(new Uri(expected), Endpoints.IamRoot(Endpoints.Validate(endpoint, "IamEndpoint")));
        }
    }

    public class TheValidateMethod
    {
        [Fact]
        public void KeepsRefusingPlainHttpWhenTheSchemeIsWritten()
        {
            Assert.Throws<ArgumentException>(() => Endpoints.Validate("http://iam.example.com", "IamEndpoint"));
        }

        [Theory]
        [InlineData("https://mrs.example.com", "https://mrs.example.com/")]
        [InlineData("https://proxy.example.com/mrs", "https://proxy.example.com/mrs/")]
        [InlineData(" https://mrs.example.com/ ", "https://mrs.example.com/")]
        public void AcceptsHttpsAndEndsThePathWithASlash(string endpoint, string expected)
        {
            Assert.Equal(new Uri(expected), Endpoints.Validate(endpoint, "Endpoint"));
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/")]
        [InlineData("http://localhost:5000")]
        [InlineData("http://LOCALHOST/")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("http://127.5.6.7/")]
        public void AcceptsPlainHttpForLoopbackHosts(string endpoint)
        {
            Assert.Equal("http", Endpoints.Validate(endpoint, "Endpoint").Scheme);
        }

        [Theory]
        [InlineData("http://mrs.cn-north-4.myhuaweicloud.com/")]
        [InlineData("http://10.0.0.5/")]
        [InlineData("http://127.0.0.1.nip.io/")]
        [InlineData("http://localhost.example.com/")]
        public void RefusesPlainHttpForOtherHostsBecauseTheTokenWouldTravelInClearText(string endpoint)
        {
            var failure = Assert.Throws<ArgumentException>(() => Endpoints.Validate(endpoint, "Endpoint"));

            Assert.Contains("clear text", failure.Message);
            Assert.Equal("Endpoint", failure.ParamName);
        }

        // The Go SDK adds https:// to HUAWEICLOUD_SDK_IAM_ENDPOINT when it has no scheme; so does every endpoint here.
        [Theory]
        [InlineData("mrs.example.com", "https://mrs.example.com/")]
        [InlineData(" iam.example.com/v3 ", "https://iam.example.com/v3/")]
        [InlineData("localhost:5000", "https://localhost:5000/")]
        [InlineData("proxy.example.com:8443/mrs", "https://proxy.example.com:8443/mrs/")]
        public void AddsHttpsToAHostNameWithoutScheme(string endpoint, string expected)
        {
            Assert.Equal(new Uri(expected), Endpoints.Validate(endpoint, "Endpoint"));
        }

        [Theory]
        [InlineData("/v2/project")]
        [InlineData("ftp://mrs.example.com/")]
        [InlineData("")]
        public void RefusesRelativeAndNonHttpUrls(string endpoint)
        {
            var failure = Assert.Throws<ArgumentException>(() => Endpoints.Validate(endpoint, "IamEndpoint"));

            Assert.Equal("IamEndpoint", failure.ParamName);
        }

        [Theory]
        [InlineData("https://mrs.example.com/?region=cn-north-4")]
        [InlineData("https://mrs.example.com/#top")]
        [InlineData("https://user:pass@mrs.example.com/")]
        public void RefusesQueriesFragmentsAndUserInformation(string endpoint)
        {
            var failure = Assert.Throws<ArgumentException>(() => Endpoints.Validate(endpoint, "Endpoint"));

            Assert.Contains("must not carry a query, fragment or user information", failure.Message);
        }

        // BUG: the messages quote GetLeftPart(UriPartial.Authority), or the whole text, which keeps "user:password@".
        [Theory]
        [InlineData("https://admin:S3cretPw@mrs.example.com/")]
        [InlineData("http://admin:S3cretPw@10.0.0.5/")]
        [InlineData("ftp://admin:S3cretPw@mrs.example.com/")]
        public void NeverRepeatsAPasswordWrittenIntoTheUrl(string endpoint)
        {
            var failure = Assert.Throws<ArgumentException>(() => Endpoints.Validate(endpoint, "Endpoint"));

            Assert.DoesNotContain("S3cretPw", failure.Message);
        }
    }
}
