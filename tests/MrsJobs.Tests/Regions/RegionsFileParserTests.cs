using System;
using System.IO;
using System.Linq;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Regions;
using Xunit;

namespace MrsJobs.Tests.Regions;

/// <summary><see cref="RegionsFileParser"/>: the SDKs' regions.yaml shape, and clear errors by line for anything else.</summary>
public class RegionsFileParserTests
{
    private const string Path = "/home/u/.huaweicloud/regions.yaml";

    private static RegionsFile Parse(string text) => RegionsFileParser.Parse(new StringReader(text), Path);

    private static MrsApiException Fails(string text, int line)
    {
        var error = Assert.Throws<MrsApiException>(() => Parse(text));
        Assert.Equal(ErrorIds.EndpointsMalformedFile, error.ErrorId);
        Assert.StartsWith($"Regions file '{Path}', line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-host", error.Message, StringComparison.Ordinal);
        return error;
    }

    private static string[] Endpoints(RegionsFile file, string service, string region) =>
        file.Find(service, region)!.Endpoints.Select(e => e.Text).ToArray();

    public class GoodFiles
    {
        [Fact]
        public void ReadsTheShapeOfTheSdkReadme()
        {
            var file = Parse(
                "# Service name is case-insensitive\n"
                + "ECS:\n"
                + "  - id: 'cn-north-1'\n"
                + "    endpoint: 'https://ecs.cn-north-1.myhuaweicloud.com'\n"
                + "IoTDA:\n"
                + "  - id: 'ap-southwest-1'\n"
                + "    endpoint: 'https://iotda.ap-southwest-1.myhuaweicloud.com'\n"
                + "MRS:\n"
                + "  - id: 'cn-north-1'\n"
                + "    endpoints:\n"
                + "      - 'https://mrs.cn-north-1.myhuaweicloud.com'\n"
                + "      - 'https://mrs.cn-north-1.myhuaweicloud.cn'\n");

            Assert.Equal(new[] { "https://ecs.cn-north-1.myhuaweicloud.com" }, Endpoints(file, "ECS", "cn-north-1"));
            Assert.Equal(new[] { "https://mrs.cn-north-1.myhuaweicloud.com", "https://mrs.cn-north-1.myhuaweicloud.cn" }, Endpoints(file, "MRS", "cn-north-1"));
            Assert.Equal(11, file.Find("MRS", "cn-north-1")!.Endpoints[0].Line);
        }

        [Fact]
        public void MatchesServiceNamesAndRegionIdsIgnoringCase()
        {
            var file = Parse("mrs:\n- id: CN-North-4\n  endpoint: mrs.example.com\n");

            Assert.Equal(new[] { "mrs.example.com" }, Endpoints(file, "MRS", "cn-north-4"));
            Assert.Equal("MRS", file.Find("Mrs", "cn-north-4")!.Service);
        }

        [Fact]
        public void ReadsPlainAndDoubleQuotedValuesCommentsAFlowListCrlfAndAByteOrderMark()
        {
            var file = Parse(
                "\uFEFF---\r\nIAM:   # identity\r\n  -   id: cn-north-4   # the region\r\n\r\n      endpoints: [\"https://a.example.com\", 'https://b.example.com', c.example.com]  # three\r\n"
                + "  - endpoint: \"https://d.example.com\"\r\n    id: xx-new-1\r\n");

            Assert.Equal(new[] { "https://a.example.com", "https://b.example.com", "c.example.com" }, Endpoints(file, "IAM", "cn-north-4"));
            Assert.Equal(new[] { "https://d.example.com" }, Endpoints(file, "IAM", "xx-new-1"));
        }

        // The Go SDK's order: endpoint, then endpoints (Python puts endpoint last; the first one is what is used).
        [Fact]
        public void PutsEndpointBeforeEndpoints()
        {
            var file = Parse("MRS:\n  - id: cn-north-4\n    endpoints:\n    - https://second.example.com\n    endpoint: https://first.example.com\n");

            Assert.Equal(new[] { "https://first.example.com", "https://second.example.com" }, Endpoints(file, "MRS", "cn-north-4"));
        }

        [Fact]
        public void TakesAServiceWithoutRegionsAndAnEmptyFile()
        {
            Assert.Null(Parse("MRS: []\nIAM:\n").Find("MRS", "cn-north-4"));
            Assert.Null(Parse("# nothing yet\n\n").Find("MRS", "cn-north-4"));
        }

        [Fact]
        public void KeepsAQuoteWrittenTwiceInASingleQuotedValue()
        {
            Assert.Equal(new[] { "it's" }, Endpoints(Parse("MRS:\n  - id: r-1\n    endpoint: 'it''s'\n"), "MRS", "r-1"));
        }
    }

    public class BrokenFiles
    {
        [Theory]
        [InlineData("MRS:\n\t- id: cn-north-4\n", 2, "tabs")]
        [InlineData("  MRS:\n  - id: cn-north-4\n", 1, "service name")]
        [InlineData("- id: cn-north-4\n", 1, "service name")]
        [InlineData("MRS: https://secret-host.example.com\n", 1, "next lines")]
        [InlineData("MRS:\n  id: cn-north-4\n", 2, "'- id:'")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: x\n   - id: b-1\n    endpoint: y\n", 4, "lined up with the one on line 2")]
        [InlineData("MRS:\n  - id: a-1\n    endpiont: https://secret-host.example.com\n", 3, "'endpiont' is not read")]
        [InlineData("MRS:\n  - id: a-1\n    id: b-1\n    endpoint: x\n", 3, "'id' is given twice")]
        [InlineData("MRS:\n  - endpoint: https://secret-host.example.com\n", 2, "no id")]
        [InlineData("MRS:\n  - id: a-1\n", 2, "neither endpoint nor endpoints")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: x\n  - id: A-1\n    endpoint: y\n", 4, "given twice under MRS (first on line 2)")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: x\nmrs:\n  - id: b-1\n    endpoint: y\n", 4, "the service MRS is given twice")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: 'https://secret-host.example.com\n", 3, "must end on the line")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: 'https://secret-host.example.com' trailing\n", 3, "only a comment")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: &anchor x\n", 3, "quote the value")]
        [InlineData("MRS:\n  - id: a-1\n    endpoints: https://secret-host.example.com\n", 3, "is a list")]
        [InlineData("MRS:\n  - id: a-1\n    endpoints:\n", 3, "lists no URL")]
        [InlineData("MRS:\n  - id: a-1\n    endpoints: [https://secret-host.example.com\n", 3, "must end with ']'")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: x\n      extra: y\n", 4, "does not line up")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: \"a\\tb\"\n", 3, "escapes")]
        [InlineData("MRS:\n  - id: a-1\n    endpoint: x\n---\nIAM:\n", 4, "one YAML document")]
        [InlineData("MRS:\n  - id:\n    endpoint: x\n", 2, "the id is empty")]
        public void NamesTheLineAndTheProblemButNoValue(string text, int line, string problem)
        {
            var error = Fails(text, line);

            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AdvisesWhatToDo()
        {
            var error = Fails("MRS:\n  - id: a-1\n", 2);

            Assert.Contains("HUAWEICLOUD_SDK_REGIONS_FILE", error.Advice, StringComparison.Ordinal);
            Assert.Equal(MrsErrorKind.InvalidArgument, error.Kind);
        }
    }
}
