namespace MrsJobs.Core.Credentials;

/// <summary>Why access keys could not be had; part of the stable error id <c>MrsCredentials.&lt;problem&gt;</c>.</summary>
public enum CredentialsProblem
{
    /// <summary>No source held an access key.</summary>
    NotFound,

    /// <summary>A source held half a key pair (AK without SK, SK without AK, a security token without both).</summary>
    Incomplete,

    /// <summary>A value cannot be right (whitespace inside a key, an IAM endpoint that is not an http(s) URL, …).</summary>
    InvalidValue,

    /// <summary>The credentials file is not INI as the SDKs read it (a stray line, a repeated key, …).</summary>
    MalformedFile,

    /// <summary>The credentials file exists but could not be read.</summary>
    UnreadableFile,
}
