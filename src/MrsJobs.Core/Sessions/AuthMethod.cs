namespace MrsJobs.Core.Sessions;

/// <summary>How a session authenticates its requests.</summary>
public enum AuthMethod
{
    /// <summary>An IAM token obtained with a user name and password.</summary>
    Password,

    /// <summary>A token the user already had.</summary>
    Token,

    /// <summary>Requests signed with an access key pair (SDK-HMAC-SHA256).</summary>
    AccessKey,

    /// <summary>Requests signed with the temporary keys of the VM's agency, from the ECS/BMS instance metadata service and renewed by the session.</summary>
    Metadata,

    /// <summary>An IAM token obtained with an OpenID Connect ID token (identity provider federation), renewed by the session.</summary>
    IdToken,
}
