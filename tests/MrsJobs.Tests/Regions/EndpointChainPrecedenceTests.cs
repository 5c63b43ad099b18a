using System;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Regions;
using Xunit;

namespace MrsJobs.Tests.Regions;

/// <summary>
/// <see cref="EndpointChain"/>: with every source set, each is taken away in turn from the top, and the next one
/// must win: parameter > environment > regions file > table > fallback (and, for IAM, the credentials file's
/// iam_endpoint after the parameter, the region's variable before HUAWEICLOUD_SDK_IAM_ENDPOINT).
/// </summary>
public class EndpointChainPrecedenceTests
{
    private const string Yaml =
        "MRS:\n  - id: {0}\n    endpoint: https://mrs.file.example.com\n"
        + "IAM:\n  - id: {0}\n    endpoint: https://iam.file.example.com\n";

    private static readonly Uri MrsParameter = new("https://mrs.parameter.example.com/");
    private static readonly Uri IamParameter = new("https://iam.parameter.example.com/");

    [Theory]
    [InlineData("cn-north-4", 0, "Parameter", "https://mrs.parameter.example.com/", "Parameter (-Endpoint)")]
    [InlineData("cn-north-4", 1, "Environment", "https://mrs.env.example.com/", "Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4)")]
    [InlineData("cn-north-4", 2, "RegionsFile", "https://mrs.file.example.com/", "RegionsFile ({file}, line 3)")]
    [InlineData("cn-north-4", 3, "RegionTable", "https://mrs.cn-north-4.myhuaweicloud.com/", "RegionTable")]
    [InlineData("cn-nort-4", 3, "Guessed", "https://mrs.cn-nort-4.myhuaweicloud.com/", "Guessed (cn-nort-4 is not in the SDKs' MRS table)")]
    public void MrsTakesTheFirstSourceThatAnswers(string region, int removed, string expected, string url, string source)
    {
        using var fixture = new ChainFixture();
        if (removed <= 2)
        {
            fixture.WriteRegions(string.Format(Yaml, region));
        }

        if (removed <= 1)
        {
            fixture.Set(EndpointVariables.ForRegion("MRS", region), "https://mrs.env.example.com");
        }

        var mrs = fixture.Resolve(region, removed < 1 ? MrsParameter : null).Mrs!;

        Assert.Equal(expected, mrs.Kind.ToString());
        Assert.Equal(new Uri(url), mrs.Url);
        Assert.Equal(source.Replace("{file}", fixture.RegionsFile), mrs.Source);
    }

    [Theory]
    [InlineData("cn-north-4", 0, "Parameter", "https://iam.parameter.example.com/", "Parameter (-IamEndpoint)")]
    [InlineData("cn-north-4", 1, "CredentialsFile", "https://iam.credentials.example.com/", "CredentialsFile (profile file /home/u/.huaweicloud/credentials [basic])")]
    [InlineData("cn-north-4", 2, "Environment", "https://iam.region-env.example.com/", "Environment (HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4)")]
    [InlineData("cn-north-4", 3, "Environment", "https://iam.env.example.com/", "Environment (HUAWEICLOUD_SDK_IAM_ENDPOINT)")]
    [InlineData("cn-north-4", 4, "RegionsFile", "https://iam.file.example.com/", "RegionsFile ({file}, line 6)")]
    [InlineData("cn-north-4", 5, "RegionTable", "https://iam.cn-north-4.myhuaweicloud.com/", "RegionTable")]
    [InlineData("ru-northwest-2", 5, "GlobalFallback", "https://iam.myhuaweicloud.com/", "GlobalFallback (ru-northwest-2 is not in the SDKs' IAM table)")]
    [InlineData("cn-nort-4", 5, "GlobalFallback", "https://iam.myhuaweicloud.com/", "GlobalFallback (cn-nort-4 is not in the SDKs' IAM table)")]
    public void IamTakesTheFirstSourceThatAnswers(string region, int removed, string expected, string url, string source)
    {
        using var fixture = new ChainFixture();
        if (removed <= 4)
        {
            fixture.WriteRegions(string.Format(Yaml, region));
        }

        if (removed <= 3)
        {
            fixture.Set(EndpointVariables.IamEndpoint, "https://iam.env.example.com");
        }

        if (removed <= 2)
        {
            fixture.Set(EndpointVariables.ForRegion("IAM", region), "https://iam.region-env.example.com");
        }

        var credentials = ChainFixture.Keys(CredentialSourceKind.ProfileFile, removed <= 1 ? new Uri("https://iam.credentials.example.com/") : null);
        var query = EndpointQuery.ForCredentials(region, null, removed < 1 ? IamParameter : null, credentials);

        var iam = fixture.Chain().Resolve(query).Iam!;

        Assert.Equal(expected, iam.Kind.ToString());
        Assert.Equal(new Uri(url), iam.Url);
        Assert.Equal(source.Replace("{file}", fixture.RegionsFile), iam.Source);
    }

    // Keys from the environment carry HUAWEICLOUD_SDK_IAM_ENDPOINT as their own: it keeps its place after the region's variable.
    [Fact]
    public void PutsTheRegionsIamVariableBeforeTheIamEndpointOfKeysFromTheEnvironment()
    {
        using var fixture = new ChainFixture();
        fixture.Set(EndpointVariables.IamEndpoint, "https://iam.env.example.com").Set("HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4", "https://iam.region.example.com");
        var credentials = ChainFixture.Keys(CredentialSourceKind.Environment, new Uri("https://iam.env.example.com/"));

        var iam = fixture.Chain().Resolve(EndpointQuery.ForCredentials("cn-north-4", null, null, credentials)).Iam!;

        Assert.Equal(new Uri("https://iam.region.example.com/"), iam.Url);
    }

    [Fact]
    public void TakesTheIamEndpointOfKeysGivenAsParametersAsTheParameter()
    {
        using var fixture = new ChainFixture();
        var credentials = ChainFixture.Keys(CredentialSourceKind.Explicit, IamParameter);

        var iam = fixture.Chain().Resolve(EndpointQuery.ForCredentials("cn-north-4", null, null, credentials)).Iam!;

        Assert.Equal(EndpointSourceKind.Parameter, iam.Kind);
    }

    [Fact]
    public void UsesOnlyTheParametersAndTheIamVariableWithoutARegion()
    {
        using var fixture = new ChainFixture();
        fixture.WriteRegions(string.Format(Yaml, "cn-north-4"));
        Assert.Null(fixture.Resolve(null).Mrs);
        Assert.Null(fixture.Resolve(null).Iam);

        fixture.Set(EndpointVariables.IamEndpoint, "iam.example.com/v3");
        var endpoints = fixture.Resolve(null, MrsParameter);

        Assert.Equal(MrsParameter, endpoints.Mrs!.Url);
        Assert.Equal(new Uri("https://iam.example.com/"), endpoints.Iam!.Url);
        Assert.Null(endpoints.Region);
    }

    [Fact]
    public void NeedsNoRegionNameCheckWhenBothEndpointsAreGiven()
    {
        using var fixture = new ChainFixture();

        var endpoints = fixture.Resolve("cn north 4", MrsParameter, IamParameter);

        Assert.Equal(EndpointSourceKind.Parameter, endpoints.Iam!.Kind);
        Assert.Throws<ArgumentException>(() => fixture.Resolve("cn north 4", MrsParameter));
    }
}
