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
}
