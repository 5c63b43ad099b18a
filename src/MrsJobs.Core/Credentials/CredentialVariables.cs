namespace MrsJobs.Core.Credentials;

/// <summary>
/// The environment variables the official Huawei Cloud SDKs read (huaweicloud-sdk-go-v3 and
/// huaweicloud-sdk-python-v3 <c>core/auth/provider</c>, huaweicloud-sdk-net-v3 <c>Core/Auth</c>), spelled once.
/// </summary>
internal static class CredentialVariables
{
    /// <summary>The access key id.</summary>
    public const string AccessKey = "HUAWEICLOUD_SDK_AK";

    /// <summary>The secret access key.</summary>
    public const string SecretKey = "HUAWEICLOUD_SDK_SK";

    /// <summary>The security token that goes with a temporary AK/SK.</summary>
    public const string SecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    /// <summary>The project id (project-scoped, "basic" credentials).</summary>
    public const string ProjectId = "HUAWEICLOUD_SDK_PROJECT_ID";

    /// <summary>The account (domain) id.</summary>
    public const string DomainId = "HUAWEICLOUD_SDK_DOMAIN_ID";

    /// <summary>
    /// The IAM endpoint. The SDKs read it as a process-wide default (their <c>Iam</c> helpers), which a
    /// credential's own <c>iam_endpoint</c> overrides; here it is one of <see cref="Regions.EndpointChain"/>'s sources.
    /// </summary>
    public const string IamEndpoint = "HUAWEICLOUD_SDK_IAM_ENDPOINT";

    /// <summary>The credentials file to read instead of <c>~/.huaweicloud/credentials</c>.</summary>
    public const string CredentialsFile = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

    /// <summary>The id of the identity provider whose OpenID Connect ID tokens IAM exchanges for tokens (federation).</summary>
    public const string IdpId = "HUAWEICLOUD_SDK_IDP_ID";

    /// <summary>The file that holds the ID token; read again at every renewal, so a rotated token is picked up.</summary>
    public const string IdTokenFile = "HUAWEICLOUD_SDK_ID_TOKEN_FILE";

    /// <summary>
    /// This module's own variable (not the SDKs'): the instance metadata service to ask for temporary keys
    /// instead of <c>http://169.254.169.254</c>, for tests and private clouds.
    /// </summary>
    public const string MetadataEndpoint = "MRSJOBS_METADATA_ENDPOINT";
}
