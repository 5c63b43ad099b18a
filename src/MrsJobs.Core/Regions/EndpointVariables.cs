using MrsJobs.Core.Credentials;

namespace MrsJobs.Core.Regions;

/// <summary>
/// The names the official SDKs use for endpoint settings (huaweicloud-sdk-go-v3 <c>core/region</c>
/// EnvProvider and ProfileProvider, huaweicloud-sdk-python-v3 <c>huaweicloudsdkcore/region</c>), spelled once.
/// </summary>
internal static class EndpointVariables
{
    /// <summary>The start of a per-service, per-region override: <c>HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}</c>.</summary>
    public const string RegionPrefix = "HUAWEICLOUD_SDK_REGION";

    /// <summary>The regions file to read instead of <c>~/.huaweicloud/regions.yaml</c>.</summary>
    public const string RegionsFile = "HUAWEICLOUD_SDK_REGIONS_FILE";

    /// <summary>The process-wide IAM endpoint of the SDKs' credentials (<c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c>).</summary>
    public const string IamEndpoint = CredentialVariables.IamEndpoint;

    /// <summary>The folder under home that holds the regions file.</summary>
    public const string DirectoryName = ProfileFileLocation.DirectoryName;

    /// <summary>The regions file's name in that folder.</summary>
    public const string FileName = "regions.yaml";

    /// <summary>The service names used in variables and in the file (the file's are case-insensitive).</summary>
    public const string Mrs = "MRS";

    /// <summary>IAM's service name.</summary>
    public const string Iam = "IAM";

    /// <summary>
    /// The override variable of one service in one region, as the Go SDK builds it: the service upper-cased,
    /// the region upper-cased with <c>-</c> turned into <c>_</c>. <c>ForRegion("MRS", "cn-north-4")</c> is
    /// <c>HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4</c>.
    /// </summary>
    public static string ForRegion(string service, string region) =>
        $"{RegionPrefix}_{service.ToUpperInvariant()}_{region.Replace('-', '_').ToUpperInvariant()}";
}
