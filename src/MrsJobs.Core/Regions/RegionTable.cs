// Copied from the official SDKs' region files (facts, written out here as data). Where they differ, see below.
//
// MRS: huaweicloud/huaweicloud-sdk-go-v3 services/mrs/v2/region/region.go
//        at 07369e20642aa4773a7e9351d138d8a0f5752a92 (31 regions), the same 31 with the same URLs as
//      huaweicloud/huaweicloud-sdk-python-v3 huaweicloud-sdk-mrs/huaweicloudsdkmrs/v2/region/mrs_region.py
//        at 63daa8371c7c0c1f4249e5a5f8254299d3e03c80;
//      plus ap-southeast-5 and af-north-1 from the newer
//      huaweicloud/huaweicloud-sdk-java-v3 services/mrs/src/main/java/com/huaweicloud/sdk/mrs/v1/region/MrsRegion.java
//        at 284a56b43376ace2b6b830ea70d183e653183b1f (33 regions: Go's 31 and these two).
//
// IAM: huaweicloud/huaweicloud-sdk-go-v3 core/auth/internal/iam_endpoint.go
//        at e68713e4c184bb13322204146696f30004d79110 (26 regions): the table the credentials use for their own
//        IAM calls (GetIamEndpointById in core/auth/internal/iam_service.go: HUAWEICLOUD_SDK_IAM_ENDPOINT, else
//        this table, else DefaultIamEndpoint https://iam.myhuaweicloud.com), the same 26 as
//      huaweicloud/huaweicloud-sdk-python-v3 huaweicloud-sdk-core/huaweicloudsdkcore/auth/endpoint.py
//        at 252aac74df9f1823015e744e83b205a487489cdf (get_iam_endpoint_by_id);
//      plus eu-west-101 from the IAM service's own region table,
//      huaweicloud/huaweicloud-sdk-go-v3 services/iam/v3/region/region.go
//        at be6984687fac8f4c9211917c90aad7d85e38065f (24 regions, all others already above with the same URLs;
//        Python's huaweicloud-sdk-iam/huaweicloudsdkiam/v3/region/iam_region.py at
//        837e8e41caea657c08bb47412e03631c8007b9dd has 22 of them). The Go README at that commit tells European
//        users to use https://iam.eu-west-101.myhuaweicloud.eu; the global endpoint does not serve that region.
using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Regions;

/// <summary>
/// The regions the official SDKs know for MRS and for IAM, with their endpoints as the SDKs write them (see
/// the sources at the top of this file), and the global IAM endpoint the SDKs fall back to for a region
/// their IAM table lacks. Keys are region ids as <see cref="RegionNames.Normalize"/> gives them.
/// </summary>
internal static class RegionTable
{
    /// <summary>The SDKs' <c>DefaultIamEndpoint</c>, used for a region missing from the IAM table.</summary>
    public static Uri GlobalIamEndpoint { get; } = new("https://iam.myhuaweicloud.com/");

    private static readonly Dictionary<string, string> MrsEndpoints = new(StringComparer.Ordinal)
    {
        // The 31 regions of Go's and Python's tables, in their order.
        ["cn-north-1"] = "https://mrs.cn-north-1.myhuaweicloud.com",
        ["cn-north-2"] = "https://mrs.cn-north-2.myhuaweicloud.com",
        ["cn-north-4"] = "https://mrs.cn-north-4.myhuaweicloud.com",
        ["cn-south-1"] = "https://mrs.cn-south-1.myhuaweicloud.com",
        ["cn-east-2"] = "https://mrs.cn-east-2.myhuaweicloud.com",
        ["cn-east-3"] = "https://mrs.cn-east-3.myhuaweicloud.com",
        ["ap-southeast-1"] = "https://mrs.ap-southeast-1.myhuaweicloud.cn",
        ["ap-southeast-2"] = "https://mrs.ap-southeast-2.myhuaweicloud.com",
        ["ap-southeast-3"] = "https://mrs.ap-southeast-3.myhuaweicloud.com",
        ["af-south-1"] = "https://mrs.af-south-1.myhuaweicloud.com",
        ["ru-northwest-2"] = "https://mrs.ru-northwest-2.myhuaweicloud.cn",
        ["sa-brazil-1"] = "https://mrs.sa-brazil-1.myhuaweicloud.com",
        ["la-south-2"] = "https://mrs.la-south-2.myhuaweicloud.com",
        ["la-north-2"] = "https://mrs.la-north-2.myhuaweicloud.com",
        ["na-mexico-1"] = "https://mrs.na-mexico-1.myhuaweicloud.com",
        ["cn-north-9"] = "https://mrs.cn-north-9.myhuaweicloud.com",
        ["cn-southwest-2"] = "https://mrs.cn-southwest-2.myhuaweicloud.com",
        ["tr-west-1"] = "https://mrs.tr-west-1.myhuaweicloud.com",
        ["ap-southeast-4"] = "https://mrs.ap-southeast-4.myhuaweicloud.cn",
        ["eu-west-101"] = "https://mrs.eu-west-101.myhuaweicloud.eu",
        ["me-east-1"] = "https://mrs.me-east-1.myhuaweicloud.com",
        ["eu-west-0"] = "https://mrs.eu-west-0.myhuaweicloud.com",
        ["my-kualalumpur-1"] = "https://mrs.my-kualalumpur-1.myhuaweicloud.com",
        ["ru-moscow-1"] = "https://mrs.ru-moscow-1.myhuaweicloud.com",
        ["ae-ad-1"] = "https://mrs.ae-ad-1.myhuaweicloud.com",
        ["cn-south-4"] = "https://mrs.cn-south-4.myhuaweicloud.com",
        ["cn-east-5"] = "https://mrs.cn-east-5.myhuaweicloud.com",
        ["cn-north-12"] = "https://mrs.cn-north-12.myhuaweicloud.com",
        ["cn-east-4"] = "https://mrs.cn-east-4.myhuaweicloud.com",
        ["cn-north-11"] = "https://mrs.cn-north-11.myhuaweicloud.com",
        ["cn-southwest-3"] = "https://mrs.cn-southwest-3.myhuaweicloud.com",

        // Only in Java's (newer) table.
        ["ap-southeast-5"] = "https://mrs.ap-southeast-5.myhuaweicloud.com",
        ["af-north-1"] = "https://mrs.af-north-1.myhuaweicloud.com",
    };

    private static readonly Dictionary<string, string> IamEndpoints = new(StringComparer.Ordinal)
    {
        // The credentials' table (Go iam_endpoint.go, Python endpoint.py), in its order.
        ["cn-north-2"] = "https://iam.cn-north-2.myhuaweicloud.com",
        ["cn-north-4"] = "https://iam.cn-north-4.myhuaweicloud.com",
        ["cn-north-1"] = "https://iam.cn-north-1.myhuaweicloud.com",
        ["cn-east-2"] = "https://iam.cn-east-2.myhuaweicloud.com",
        ["cn-east-3"] = "https://iam.cn-east-3.myhuaweicloud.com",
        ["cn-south-1"] = "https://iam.cn-south-1.myhuaweicloud.com",
        ["cn-south-2"] = "https://iam.cn-south-2.myhuaweicloud.com",
        ["cn-southwest-2"] = "https://iam.cn-southwest-2.myhuaweicloud.com",
        ["ap-southeast-1"] = "https://iam.ap-southeast-1.myhuaweicloud.com",
        ["ap-southeast-2"] = "https://iam.ap-southeast-2.myhuaweicloud.com",
        ["ap-southeast-3"] = "https://iam.ap-southeast-3.myhuaweicloud.com",
        ["af-south-1"] = "https://iam.af-south-1.myhuaweicloud.com",
        ["sa-brazil-1"] = "https://iam.sa-brazil-1.myhuaweicloud.com",
        ["la-south-2"] = "https://iam.la-south-2.myhuaweicloud.com",
        ["na-mexico-1"] = "https://iam.na-mexico-1.myhuaweicloud.com",
        ["la-north-2"] = "https://iam.la-north-2.myhuaweicloud.com",
        ["cn-north-9"] = "https://iam.cn-north-9.myhuaweicloud.com",
        ["eu-west-0"] = "https://iam.eu-west-0.myhuaweicloud.com",
        ["my-kualalumpur-1"] = "https://iam.my-kualalumpur-1.myhuaweicloud.com",
        ["ru-moscow-1"] = "https://iam.ru-moscow-1.myhuaweicloud.com",
        ["me-east-1"] = "https://iam.me-east-1.myhuaweicloud.com",
        ["ap-southeast-4"] = "https://iam.ap-southeast-4.myhuaweicloud.com",
        ["ae-ad-1"] = "https://iam.ae-ad-1.myhuaweicloud.com",
        ["cn-east-4"] = "https://iam.cn-east-4.myhuaweicloud.com",
        ["cn-east-5"] = "https://iam.cn-east-5.myhuaweicloud.com",
        ["tr-west-1"] = "https://iam.tr-west-1.myhuaweicloud.com",

        // Only in the IAM service's region tables (Go and Python agree).
        ["eu-west-101"] = "https://iam.eu-west-101.myhuaweicloud.eu",
    };

    /// <summary>Every region of the MRS table, sorted by name: what <c>-Region</c> completes.</summary>
    public static IReadOnlyList<string> MrsRegions { get; } = MrsEndpoints.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray();

    /// <summary>The MRS endpoint of a region the table knows; <c>null</c> otherwise.</summary>
    public static Uri? Mrs(string region) => Find(MrsEndpoints, region);

    /// <summary>The IAM endpoint of a region the table knows; <c>null</c> otherwise (the SDKs then use <see cref="GlobalIamEndpoint"/>).</summary>
    public static Uri? Iam(string region) => Find(IamEndpoints, region);

    /// <summary>What the SDKs' tables would say for a region they do not know yet: <c>https://{service}.{region}.myhuaweicloud.com/</c>.</summary>
    public static Uri Pattern(string service, string region) => new($"https://{service}.{region}.myhuaweicloud.com/");

    private static Uri? Find(Dictionary<string, string> table, string region) =>
        table.TryGetValue(region, out var endpoint) ? new Uri(endpoint + "/") : null;
}
