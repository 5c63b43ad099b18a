using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Regions;

/// <summary><see cref="EndpointChain"/>: how each source is read, and what the user is told.</summary>
public class EndpointChainSourcesTests
{
    public class TheEnvironmentVariables
    {
        [Fact]
        public void AddHttpsToAHostNameAndCutIamBackToItsRoot()
        {
            using var fixture = new ChainFixture();
            fixture.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", "mrs.example.com").Set("HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4", "iam.example.com/v3");

            var endpoints = fixture.Resolve("CN-North-4");

            Assert.Equal(new Uri("https://mrs.example.com/"), endpoints.Mrs!.Url);
            Assert.Equal(new Uri("https://iam.example.com/"), endpoints.Iam!.Url);
        }

        [Fact]
        public void UseTheFirstOfSeveralEndpointsAndSaySo()
        {
            using var fixture = new ChainFixture();
            fixture.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", " https://a.example.com , https://b.example.com");

            var endpoints = fixture.Resolve("cn-north-4");

            Assert.Equal(new Uri("https://a.example.com/"), endpoints.Mrs!.Url);
            Assert.Contains(endpoints.Notes, note => note.Contains("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4 lists 2 endpoints; the first is used"));
        }

        [Fact]
        public void AcceptPlainHttpForLoopbackOnly()
        {
            using var fixture = new ChainFixture();
            fixture.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", "http://127.0.0.1:5080");
            Assert.Equal(new Uri("http://127.0.0.1:5080/"), fixture.Resolve("cn-north-4").Mrs!.Url);

            fixture.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", "http://admin:Pw@mrs.example.com");
            var error = Assert.Throws<MrsApiException>(() => fixture.Resolve("cn-north-4"));

            Assert.Equal(ErrorIds.EndpointsInvalidValue, error.ErrorId);
            Assert.StartsWith("Environment variable HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4: 'http://mrs.example.com' uses plain http", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Pw", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void CountOnlyWhenNotBlank()
        {
            using var fixture = new ChainFixture();
            fixture.Set("HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4", "  ").Set(EndpointVariables.IamEndpoint, "");

            var endpoints = fixture.Resolve("cn-north-4");

            Assert.Equal(EndpointSourceKind.RegionTable, endpoints.Mrs!.Kind);
            Assert.Equal(EndpointSourceKind.RegionTable, endpoints.Iam!.Kind);
        }
    }

    public class TheRegionsFile
    {
        [Fact]
        public void IsTheOneHuaweicloudSdkRegionsFileNames()
        {
            using var fixture = new ChainFixture();
            var other = Path.Combine(Path.GetTempPath(), "mrsjobs-regions-" + Guid.NewGuid().ToString("N") + ".yml");
            fixture.WriteRegions("MRS:\n  - id: cn-north-4\n    endpoint: mrs.default.example.com\n");
            fixture.WriteRegions("mrs:\n  - id: cn-north-4\n    endpoints: [mrs.other.example.com, mrs.backup.example.com]\n", other);
            fixture.Set(EndpointVariables.RegionsFile, other);

            try
            {
                var endpoints = fixture.Resolve("cn-north-4");

                Assert.Equal(new Uri("https://mrs.other.example.com/"), endpoints.Mrs!.Url);
                Assert.Equal($"RegionsFile ({other}, line 3)", endpoints.Mrs.Source);
                Assert.Contains(endpoints.Notes, note => note.Contains("lists 2 endpoints"));
            }
            finally
            {
                File.Delete(other);
            }
        }

        [Fact]
        public void IsNoFileWhenMissing()
        {
            using var fixture = new ChainFixture();
            fixture.Set(EndpointVariables.RegionsFile, Path.Combine(Path.GetTempPath(), "no-such-regions-" + Guid.NewGuid().ToString("N")));

            Assert.Equal(EndpointSourceKind.RegionTable, fixture.Resolve("cn-north-4").Mrs!.Kind);
        }

        [Fact]
        public void IsUnreadableWhenAFolder()
        {
            using var fixture = new ChainFixture();
            fixture.Set(EndpointVariables.RegionsFile, Path.GetTempPath());

            var error = Assert.Throws<MrsApiException>(() => fixture.Resolve("cn-north-4"));

            Assert.Equal(ErrorIds.EndpointsUnreadableFile, error.ErrorId);
        }

        [Fact]
        public void NamesTheLineOfAnEndpointThatCannotBeUsed()
        {
            using var fixture = new ChainFixture();
            fixture.WriteRegions("IAM:\n  - id: cn-north-4\n    endpoint: http://iam.example.com\n");

            var error = Assert.Throws<MrsApiException>(() => fixture.Resolve("cn-north-4"));

            Assert.Equal(ErrorIds.EndpointsInvalidValue, error.ErrorId);
            Assert.StartsWith($"Regions file '{fixture.RegionsFile}', line 3, IAM cn-north-4: 'http://iam.example.com' uses plain http", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void IsNotReadWhenBothEndpointsAreGiven()
        {
            using var fixture = new ChainFixture();
            fixture.WriteRegions("this is not: [the shape\n");

            var endpoints = fixture.Resolve("cn-north-4", new Uri("https://m.example.com/"), new Uri("https://i.example.com/"));

            Assert.Equal(EndpointSourceKind.Parameter, endpoints.Mrs!.Kind);
            Assert.Throws<MrsApiException>(() => fixture.Resolve("cn-north-4"));
        }
    }

    public class TheWarningAndTheDescription
    {
        [Fact]
        public void NameTheNearestRegionForAnUnknownOneAndGoOn()
        {
            using var fixture = new ChainFixture();

            var endpoints = fixture.Resolve("cn-nort-4");

            Assert.Contains("'cn-nort-4' is not in the SDKs' MRS region table; the nearest known region is cn-north-4", endpoints.Warning);
            Assert.Contains("https://mrs.cn-nort-4.myhuaweicloud.com/", endpoints.Warning);
            Assert.Contains("https://iam.myhuaweicloud.com/", endpoints.Warning);
        }

        [Fact]
        public void StaySilentForARegionAnOverrideKnows()
        {
            using var fixture = new ChainFixture();
            fixture.Set("HUAWEICLOUD_SDK_REGION_MRS_XX_PRIVATE_1", "https://mrs.private.example.com");

            Assert.Null(fixture.Resolve("xx-private-1").Warning);
            Assert.Null(fixture.Resolve("cn-north-4").Warning);
        }

        [Fact]
        public void GoToTheCallsWarningSinkAndVerboseLinesWhenLocated()
        {
            using var fixture = new ChainFixture();
            var warnings = new List<string>();
            var trace = new CollectingTraceSink();

            var endpoints = fixture.Chain().Locate(new EndpointQuery("cn-nort-4"), new CallContext(trace, CancellationToken.None, warn: warnings.Add));

            Assert.Equal(endpoints.Warning, Assert.Single(warnings));
            Assert.Equal(endpoints.Describe(), trace.Lines);
            Assert.Contains("MRS endpoint https://mrs.cn-nort-4.myhuaweicloud.com/ from Guessed (cn-nort-4 is not in the SDKs' MRS table).", trace.Lines);
        }

        [Fact]
        public void SayWhereEachEndpointCameFrom()
        {
            using var fixture = new ChainFixture();
            fixture.Set(EndpointVariables.IamEndpoint, "https://iam.env.example.com");

            var lines = string.Join("\n", fixture.Resolve("cn-north-4").Describe());

            Assert.Contains("MRS endpoint https://mrs.cn-north-4.myhuaweicloud.com/ from RegionTable.", lines);
            Assert.Contains("IAM endpoint https://iam.env.example.com/ from Environment (HUAWEICLOUD_SDK_IAM_ENDPOINT).", lines);
        }
    }

    public class TheTokenQuery
    {
        [Fact]
        public void AsksNoUnconfiguredIamWhenMrsIsAParameter()
        {
            using var fixture = new ChainFixture();

            var endpoints = fixture.Chain().Resolve(EndpointQuery.ForToken("cn-north-4", new Uri("https://mrs.private.example.com/"), null));

            Assert.Null(endpoints.Iam);
            Assert.Contains(endpoints.Notes, note => note.StartsWith("IAM is not asked about the token", StringComparison.Ordinal));
        }

        [Fact]
        public void AsksAConfiguredIamOrTheRegionsWhenMrsIsTheRegions()
        {
            using var fixture = new ChainFixture();
            fixture.Set("HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4", "https://iam.private.example.com");

            Assert.Equal(EndpointSourceKind.Environment, fixture.Chain().Resolve(EndpointQuery.ForToken("cn-north-4", new Uri("https://mrs.private.example.com/"), null)).Iam!.Kind);
            Assert.Equal(EndpointSourceKind.RegionTable, new ChainFixture().Chain().Resolve(EndpointQuery.ForToken("cn-north-4", null, null)).Iam!.Kind);
        }
    }
}
