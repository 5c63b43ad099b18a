using System.Net;
using MrsJobs.Core.Errors;
using Xunit;

namespace MrsJobs.Tests.Errors;

/// <summary><see cref="MrsErrorCatalog"/>: the one table of known codes, and the fallback to the HTTP status.</summary>
public class MrsErrorCatalogTests
{
    private const string Cluster = "7c2b0d3f-5a4e-4f9b-8c8d-3e6f9a2b4d5c";

    public class TheDescribeMethod
    {
        [Theory]
        [InlineData("APIGW.0301", MrsErrorKind.Authentication)]
        [InlineData("APIG.0301", MrsErrorKind.Authentication)]
        [InlineData("APIGW.0307", MrsErrorKind.TokenExpired)]
        [InlineData("APIG.0307", MrsErrorKind.TokenExpired)]
        [InlineData("APIGW.0308", MrsErrorKind.Throttled)]
        [InlineData("12000001", MrsErrorKind.Authentication)]
        [InlineData("12000002", MrsErrorKind.InvalidArgument)]
        [InlineData("12000009", MrsErrorKind.InvalidArgument)]
        [InlineData("12000003", MrsErrorKind.NotFound)]
        [InlineData("0056", MrsErrorKind.ResourceUnavailable)]
        [InlineData("0057", MrsErrorKind.NotInstalled)]
        [InlineData("0168", MrsErrorKind.NotInstalled)]
        [InlineData("0169", MrsErrorKind.NotInstalled)]
        [InlineData("0167", MrsErrorKind.ServiceError)]
        [InlineData("0173", MrsErrorKind.ServiceError)]
        [InlineData("0176", MrsErrorKind.NotFound)]
        [InlineData("0201", MrsErrorKind.NotFound)]
        [InlineData("0177", MrsErrorKind.Throttled)]
        [InlineData("12000060", MrsErrorKind.Throttled)]
        [InlineData("0192", MrsErrorKind.PermissionDenied)]
        [InlineData("0202", MrsErrorKind.Throttled)]
        public void GivesEachDocumentedCodeItsKind(string code, MrsErrorKind kind)
        {
            Assert.Equal(kind, MrsErrorCatalog.Describe(code, HttpStatusCode.InternalServerError).Kind);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest)]
        [InlineData(HttpStatusCode.InternalServerError)]
        public void DecidesByCodeWhateverTheStatus(HttpStatusCode status)
        {
            Assert.Equal(MrsErrorKind.NotInstalled, MrsErrorCatalog.Describe("0168", status).Kind);
        }

        [Fact]
        public void MatchesGatewayCodesInAnyCase()
        {
            Assert.Equal(MrsErrorKind.TokenExpired, MrsErrorCatalog.Describe("apigw.0307", null).Kind);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized, MrsErrorKind.Authentication)]
        [InlineData(HttpStatusCode.Forbidden, MrsErrorKind.PermissionDenied)]
        [InlineData(HttpStatusCode.NotFound, MrsErrorKind.NotFound)]
        [InlineData(HttpStatusCode.BadRequest, MrsErrorKind.InvalidArgument)]
        [InlineData(HttpStatusCode.UnsupportedMediaType, MrsErrorKind.InvalidArgument)]
        [InlineData((HttpStatusCode)429, MrsErrorKind.Throttled)]
        [InlineData(HttpStatusCode.ServiceUnavailable, MrsErrorKind.ResourceUnavailable)]
        [InlineData(HttpStatusCode.GatewayTimeout, MrsErrorKind.Timeout)]
        [InlineData(HttpStatusCode.InternalServerError, MrsErrorKind.ServiceError)]
        [InlineData(HttpStatusCode.BadGateway, MrsErrorKind.ServiceError)]
        public void FallsBackToTheHttpStatusForAnUnknownCode(HttpStatusCode status, MrsErrorKind kind)
        {
            var info = MrsErrorCatalog.Describe("9999", status);

            Assert.Equal(kind, info.Kind);
            Assert.Null(info.Advice);
        }

        [Fact]
        public void KnowsNothingWithoutACodeOrAStatus()
        {
            Assert.Equal(MrsErrorKind.Unknown, MrsErrorCatalog.Describe(null, null).Kind);
        }
    }

    public class TheAdvice
    {
        private static string AdviceFor(string code) =>
            MrsErrorCatalog.FormatAdvice(MrsErrorCatalog.Describe(code, HttpStatusCode.InternalServerError).Advice, Cluster, "0b4a5b9c")!;

        [Fact]
        public void For0192SaysToRunIamUserSynchronizationFromTheOverviewTab()
        {
            var advice = AdviceFor("0192");

            Assert.Contains("IAM User Sync", advice);
            Assert.Contains("Overview", advice);
            Assert.Contains("Synchronize", advice);
            Assert.Contains(Cluster, advice);
        }

        [Theory]
        [InlineData("0168", "Hive")]
        [InlineData("0057", "Spark")]
        [InlineData("0169", "Flink")]
        public void ForAMissingComponentNamesItAndTheCluster(string code, string component)
        {
            var advice = AdviceFor(code);

            Assert.Contains(component + " is not installed", advice);
            Assert.Contains(Cluster, advice);
        }

        [Fact]
        public void For12000003NamesTheClusterAndTheProject()
        {
            var advice = AdviceFor("12000003");

            Assert.Contains("'" + Cluster + "' does not exist", advice);
            Assert.Contains("0b4a5b9c", advice);
        }

        [Theory]
        [InlineData("APIGW.0301")]
        [InlineData("APIGW.0307")]
        public void ForTokenProblemsSaysToConnectAgain(string code)
        {
            Assert.Contains("Connect-MrsProject", AdviceFor(code));
        }

        [Fact]
        public void LeavesNoPlaceholderWhenTheClusterIsUnknown()
        {
            var advice = MrsErrorCatalog.FormatAdvice(MrsErrorCatalog.Describe("0168", null).Advice, null, null)!;

            Assert.DoesNotContain("{cluster}", advice);
            Assert.DoesNotContain("{project}", advice);
        }
    }
}
