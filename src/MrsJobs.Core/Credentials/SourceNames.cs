namespace MrsJobs.Core.Credentials;

/// <summary>What one kind of source calls each value: variable names for the environment, key names for the file.</summary>
internal sealed class SourceNames
{
    private SourceNames(string accessKey, string secretKey, string securityToken, string projectId, string domainId, string iamEndpoint, string idpId, string idTokenFile)
    {
        IdpId = idpId;
        IdTokenFile = idTokenFile;
        AccessKey = accessKey;
        SecretKey = secretKey;
        SecurityToken = securityToken;
        ProjectId = projectId;
        DomainId = domainId;
        IamEndpoint = iamEndpoint;
    }

    /// <summary>The <c>HUAWEICLOUD_SDK_*</c> variables.</summary>
    public static SourceNames Environment { get; } = new(
        CredentialVariables.AccessKey,
        CredentialVariables.SecretKey,
        CredentialVariables.SecurityToken,
        CredentialVariables.ProjectId,
        CredentialVariables.DomainId,
        CredentialVariables.IamEndpoint,
        CredentialVariables.IdpId,
        CredentialVariables.IdTokenFile);

    /// <summary>The credentials file's keys.</summary>
    public static SourceNames Profile { get; } = new(
        ProfileKeys.AccessKey,
        ProfileKeys.SecretKey,
        ProfileKeys.SecurityToken,
        ProfileKeys.ProjectId,
        ProfileKeys.DomainId,
        ProfileKeys.IamEndpoint,
        ProfileKeys.IdpId,
        ProfileKeys.IdTokenFile);

    /// <summary>The AK's name.</summary>
    public string AccessKey { get; }

    /// <summary>The SK's name.</summary>
    public string SecretKey { get; }

    /// <summary>The security token's name.</summary>
    public string SecurityToken { get; }

    /// <summary>The project id's name.</summary>
    public string ProjectId { get; }

    /// <summary>The domain id's name.</summary>
    public string DomainId { get; }

    /// <summary>The IAM endpoint's name.</summary>
    public string IamEndpoint { get; }

    /// <summary>The identity provider id's name.</summary>
    public string IdpId { get; }

    /// <summary>The ID token file's name.</summary>
    public string IdTokenFile { get; }
}
