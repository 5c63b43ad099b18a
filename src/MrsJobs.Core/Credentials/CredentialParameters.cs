using System;
using System.Security;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// What the caller (Connect-MrsProject) was given. The keys — <see cref="AccessKey"/>, <see cref="SecretKey"/>
/// and <see cref="SecurityToken"/> — are one unit: when any is given, the keys come from here or nowhere; so are
/// <see cref="IdpId"/> and <see cref="IdTokenFile"/>; <see cref="UseMetadata"/> skips the environment and the file.
/// The settings — <see cref="ProjectId"/>, <see cref="DomainId"/>, <see cref="IamEndpoint"/> — replace what
/// the chosen source says, whichever source that is.
/// </summary>
internal sealed class CredentialParameters
{
    /// <summary>How messages name the AK parameter.</summary>
    public const string AccessKeyName = "-AccessKey";

    /// <summary>How messages name the SK parameter.</summary>
    public const string SecretKeyName = "-SecretKey";

    /// <summary>How messages name the security token parameter.</summary>
    public const string SecurityTokenName = "-SecurityToken";

    /// <summary>How messages name the identity provider parameter.</summary>
    public const string IdpIdName = "-IdpId";

    /// <summary>How messages name the ID token file parameter.</summary>
    public const string IdTokenFileName = "-IdTokenFile";

    /// <summary>The access key id (AK).</summary>
    public SecureString? AccessKey { get; set; }

    /// <summary>The secret access key (SK).</summary>
    public SecureString? SecretKey { get; set; }

    /// <summary>The security token of temporary keys.</summary>
    public SecureString? SecurityToken { get; set; }

    /// <summary>The project id; replaces the source's.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The account (domain) id; replaces the source's.</summary>
    public string? DomainId { get; set; }

    /// <summary>The IAM endpoint, already checked (<see cref="Sessions.Endpoints.Validate"/>); replaces the source's.</summary>
    public Uri? IamEndpoint { get; set; }

    /// <summary>The identity provider id of ID-token federation.</summary>
    public string? IdpId { get; set; }

    /// <summary>The full path of the file that holds the ID token (the cmdlet resolves it against the current location).</summary>
    public string? IdTokenFile { get; set; }

    /// <summary>Take temporary keys from the instance metadata service, without looking at the environment or the file.</summary>
    public bool UseMetadata { get; set; }

    /// <summary><c>true</c> when any of the keys was given, so that the keys must come from here.</summary>
    public bool HasKeys =>
        SecretText.IsGiven(AccessKey) || SecretText.IsGiven(SecretKey) || SecretText.IsGiven(SecurityToken);
}
