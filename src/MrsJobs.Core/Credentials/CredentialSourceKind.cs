namespace MrsJobs.Core.Credentials;

/// <summary>Where a set of access keys came from.</summary>
internal enum CredentialSourceKind
{
    /// <summary>Given by the caller (the cmdlet's parameters).</summary>
    Explicit,

    /// <summary>The <c>HUAWEICLOUD_SDK_*</c> environment variables.</summary>
    Environment,

    /// <summary>The <c>[basic]</c> section of the SDKs' credentials (profile) file.</summary>
    ProfileFile,
}
