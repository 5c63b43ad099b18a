using System;
using System.Linq;
using MrsJobs.Core.Regions;
using Xunit;

namespace MrsJobs.Tests.Regions;

/// <summary><see cref="RegionTable"/>: the SDKs' MRS and IAM region tables, copied as data.</summary>
public class RegionTableTests
{
    public class TheMrsRegionsList
    {
        [Fact]
        public void HoldsEveryRegionOfTheSdkTablesSorted()
        {
            Assert.Equal(33, RegionTable.MrsRegions.Count);
            Assert.Equal(RegionTable.MrsRegions.OrderBy(r => r, StringComparer.Ordinal), RegionTable.MrsRegions);
        }

        // The 13 regions of the SDKs' MRS tables that completion used to miss.
        [Theory]
        [InlineData("cn-north-2")]
        [InlineData("eu-west-0")]
        [InlineData("my-kualalumpur-1")]
        [InlineData("ru-moscow-1")]
        [InlineData("ae-ad-1")]
        [InlineData("cn-south-4")]
        [InlineData("cn-east-5")]
        [InlineData("cn-north-12")]
        [InlineData("cn-east-4")]
        [InlineData("cn-north-11")]
        [InlineData("cn-southwest-3")]
        [InlineData("ap-southeast-5")]
        [InlineData("af-north-1")]
        public void IncludesTheRegionsCompletionUsedToMiss(string region)
        {
            Assert.Contains(region, RegionTable.MrsRegions);
        }
    }

    public class TheMrsMethod
    {
        [Theory]
        [InlineData("cn-north-4", "https://mrs.cn-north-4.myhuaweicloud.com/")]
        [InlineData("ap-southeast-1", "https://mrs.ap-southeast-1.myhuaweicloud.cn/")]
        [InlineData("ap-southeast-4", "https://mrs.ap-southeast-4.myhuaweicloud.cn/")]
        [InlineData("ru-northwest-2", "https://mrs.ru-northwest-2.myhuaweicloud.cn/")]
        [InlineData("eu-west-101", "https://mrs.eu-west-101.myhuaweicloud.eu/")]
        [InlineData("af-north-1", "https://mrs.af-north-1.myhuaweicloud.com/")]
        public void GivesTheSdkEndpoint(string region, string expected)
        {
            Assert.Equal(new Uri(expected), RegionTable.Mrs(region));
        }

        [Theory]
        [InlineData("cn-nort-4")]
        [InlineData("CN-NORTH-4")]
        [InlineData("cn-south-2")]
        public void KnowsNothingOfRegionsOutsideTheTable(string region)
        {
            Assert.Null(RegionTable.Mrs(region));
        }
    }

    public class TheIamMethod
    {
        [Theory]
        [InlineData("cn-north-4", "https://iam.cn-north-4.myhuaweicloud.com/")]
        [InlineData("ap-southeast-1", "https://iam.ap-southeast-1.myhuaweicloud.com/")]
        [InlineData("ap-southeast-4", "https://iam.ap-southeast-4.myhuaweicloud.com/")]
        [InlineData("tr-west-1", "https://iam.tr-west-1.myhuaweicloud.com/")]
        [InlineData("eu-west-101", "https://iam.eu-west-101.myhuaweicloud.eu/")]
        public void GivesTheSdkEndpoint(string region, string expected)
        {
            Assert.Equal(new Uri(expected), RegionTable.Iam(region));
        }

        // MRS regions the SDKs' IAM tables lack: their credentials use the global IAM endpoint there.
        [Theory]
        [InlineData("ru-northwest-2")]
        [InlineData("cn-north-11")]
        [InlineData("cn-north-12")]
        [InlineData("cn-south-4")]
        [InlineData("cn-southwest-3")]
        public void KnowsNothingOfMrsRegionsMissingFromTheSdkIamTables(string region)
        {
            Assert.Null(RegionTable.Iam(region));
        }

        [Fact]
        public void HasTheGlobalEndpointOfTheSdks()
        {
            Assert.Equal(new Uri("https://iam.myhuaweicloud.com/"), RegionTable.GlobalIamEndpoint);
        }
    }
}
