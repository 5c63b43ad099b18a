using System;
using MrsJobs.Core.Regions;
using Xunit;

namespace MrsJobs.Tests.Regions;

/// <summary><see cref="RegionNames"/>: normalizing, checking and the nearest known region.</summary>
public class RegionNamesTests
{
    public class TheNormalizeMethod
    {
        [Theory]
        [InlineData(" CN-North-4 ", "cn-north-4")]
        [InlineData("", null)]
        [InlineData("  ", null)]
        [InlineData(null, null)]
        public void TrimsAndLowerCases(string? region, string? expected)
        {
            Assert.Equal(expected, RegionNames.Normalize(region));
        }
    }

    public class TheRequireMethod
    {
        [Theory]
        [InlineData("cn north 4")]
        [InlineData("evil.com/x")]
        [InlineData("a.b")]
        [InlineData("-cn")]
        [InlineData("cn_north_4")]
        public void RefusesTextThatIsNotARegionName(string region)
        {
            var failure = Assert.Throws<ArgumentException>(() => RegionNames.Require(region));

            Assert.Equal("region", failure.ParamName);
        }

        [Fact]
        public void AcceptsANewRegionNameNoTableKnows()
        {
            Assert.Equal("xx-new-7", RegionNames.Require("xx-new-7"));
        }
    }

    public class TheNearestMethod
    {
        [Theory]
        [InlineData("cn-nort-4", "cn-north-4")]
        [InlineData("cn-north4", "cn-north-4")]
        [InlineData("cn-noth-9", "cn-north-9")]
        [InlineData("ap-southest-3", "ap-southeast-3")]
        [InlineData("eu-west-10", "eu-west-0")]
        public void NamesTheClosestKnownRegion(string region, string expected)
        {
            Assert.Equal(expected, RegionNames.Nearest(region, RegionTable.MrsRegions));
        }

        [Fact]
        public void BreaksTiesAlphabetically()
        {
            Assert.Equal("ab", RegionNames.Nearest("a", new[] { "ac", "ab" }));
        }
    }

    public class TheDistanceMethod
    {
        [Theory]
        [InlineData("", "", 0)]
        [InlineData("abc", "", 3)]
        [InlineData("kitten", "sitting", 3)]
        [InlineData("cn-nort-4", "cn-north-4", 1)]
        public void CountsEdits(string a, string b, int expected)
        {
            Assert.Equal(expected, RegionNames.Distance(a, b));
            Assert.Equal(expected, RegionNames.Distance(b, a));
        }
    }
}
