using System;
using MrsJobs.Core.Sessions;
using Xunit;

namespace MrsJobs.Tests.Sessions;

/// <summary><see cref="Endpoints"/>: where each region's services live, and which user-given URLs are safe.</summary>
public class EndpointsTests
{
    public class TheMrsForRegionMethod
    {
        [Theory]
        [InlineData("cn-north-4", "https://mrs.cn-north-4.myhuaweicloud.com/")]
        [InlineData("CN-East-3", "https://mrs.cn-east-3.myhuaweicloud.com/")]
        [InlineData("ap-southeast-1", "https://mrs.ap-southeast-1.myhuaweicloud.cn/")]
        [InlineData("ap-southeast-4", "https://mrs.ap-southeast-4.myhuaweicloud.cn/")]
        [InlineData("ru-northwest-2", "https://mrs.ru-northwest-2.myhuaweicloud.cn/")]
        [InlineData("eu-west-101", "https://mrs.eu-west-101.myhuaweicloud.eu/")]
        [InlineData("af-south-1", "https://mrs.af-south-1.myhuaweicloud.com/")]
        public void UsesTheRegionsDomain(string region, string expected)
        {
            Assert.Equal(new Uri(expected), Endpoints.MrsForRegion(region));
        }

        [Theory]
        [InlineData("")]
        [InlineData("cn north 4")]
        [InlineData("evil.com/x")]
        [InlineData("a.b")]
        public void RefusesTextThatIsNotARegionName(string region)
        {
            Assert.Throws<ArgumentException>(() => Endpoints.MrsForRegion(region));
        }
    }

    public class TheIamForRegionMethod
    {
        [Theory]
        [InlineData("cn-north-4", "https://iam.cn-north-4.myhuaweicloud.com/")]
        [InlineData("eu-west-101", "https://iam.eu-west-101.myhuaweicloud.eu/")]
        [InlineData(" EU-West-101 ", "https://iam.eu-west-101.myhuaweicloud.eu/")]
        public void UsesTheRegionsDomain(string region, string expected)
        {
            Assert.Equal(new Uri(expected), Endpoints.IamForRegion(region));
        }

        // The official SDKs' IAM region tables keep .com where MRS moved to .cn.
        [Theory]
        [InlineData("ap-southeast-1", "https://iam.ap-southeast-1.myhuaweicloud.com/")]
        [InlineData("ap-southeast-4", "https://iam.ap-southeast-4.myhuaweicloud.com/")]
        [InlineData("ru-northwest-2", "https://iam.ru-northwest-2.myhuaweicloud.com/")]
        public void StaysOnDotComWhereMrsMovesToDotCn(string region, string expected)
        {
            Assert.Equal(new Uri(expected), Endpoints.IamForRegion(region));
        }
    }

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

        [Theory]
        [InlineData("mrs.example.com")]
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
