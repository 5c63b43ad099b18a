namespace MrsJobs.Core.Regions;

/// <summary>Where an endpoint came from, in the order <see cref="EndpointChain"/> asks (the first that answers wins).</summary>
internal enum EndpointSourceKind
{
    /// <summary><c>-Endpoint</c> or <c>-IamEndpoint</c>.</summary>
    Parameter,

    /// <summary>The <c>iam_endpoint</c> of the credential source whose keys the session uses (the credentials file).</summary>
    CredentialsFile,

    /// <summary>An environment variable: <c>HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}</c>, or <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c> for IAM.</summary>
    Environment,

    /// <summary>The SDKs' regions file (<c>HUAWEICLOUD_SDK_REGIONS_FILE</c>, else <c>~/.huaweicloud/regions.yaml</c>).</summary>
    RegionsFile,

    /// <summary>The SDKs' region table (<see cref="RegionTable"/>).</summary>
    RegionTable,

    /// <summary>IAM for a region its table lacks: the global endpoint, as the SDKs do.</summary>
    GlobalFallback,

    /// <summary>MRS for a region no table knows: the usual <c>https://mrs.{region}.myhuaweicloud.com</c>, with a warning.</summary>
    Guessed,
}
