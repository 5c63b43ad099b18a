namespace MrsJobs.Core.Credentials;

/// <summary>Where a set of credentials came from.</summary>
internal enum CredentialSourceKind
{
    /// <summary>Given by the caller (the cmdlet's parameters).</summary>
    Explicit,

    /// <summary>The <c>HUAWEICLOUD_SDK_*</c> environment variables.</summary>
    Environment,

    /// <summary>The <c>[basic]</c> section of the SDKs' credentials (profile) file.</summary>
    ProfileFile,

    /// <summary>The instance metadata service of the ECS or BMS the process runs on (temporary keys of the VM's agency).</summary>
    InstanceMetadata,
}
