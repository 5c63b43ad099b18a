using System;
using System.Security;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// A Huawei Cloud access key pair (AK/SK, plus the security token of temporary keys) with the settings that
/// came with it, and where it came from. The key material stays in <see cref="SecureString"/>s: no property
/// and not <see cref="ChainCredentials.ToString"/> ever shows it (<see cref="AccessKeyHint"/> shows the last four characters
/// of the AK, as <c>aws configure list</c> does, so a person can tell keys apart).
/// </summary>
internal sealed class AccessKeyCredentials : ChainCredentials
{
    private const int HintLength = 4;
    private const int ShortestHintedKey = 16;

    /// <summary>Creates the credentials. Normally made by <see cref="CredentialChain"/>.</summary>
    /// <exception cref="ArgumentException">The access key or secret key is null or empty.</exception>
    public AccessKeyCredentials(
        SecureString accessKey,
        SecureString secretKey,
        SecureString? securityToken,
        string? projectId,
        string? domainId,
        Uri? iamEndpoint,
        CredentialSourceKind sourceKind,
        string source)
        : base(projectId, domainId, iamEndpoint, sourceKind, source)
    {
        AccessKey = SecretText.IsGiven(accessKey) ? accessKey : throw new ArgumentException("The access key is empty.", nameof(accessKey));
        SecretKey = SecretText.IsGiven(secretKey) ? secretKey : throw new ArgumentException("The secret key is empty.", nameof(secretKey));
        SecurityToken = SecretText.IsGiven(securityToken) ? securityToken : null;
        AccessKeyHint = Hint(SecretText.Reveal(accessKey));
    }

    /// <summary>The access key id (AK).</summary>
    public SecureString AccessKey { get; }

    /// <summary>The secret access key (SK).</summary>
    public SecureString SecretKey { get; }

    /// <summary>The security token of temporary keys; <c>null</c> for permanent keys.</summary>
    public SecureString? SecurityToken { get; }

    /// <summary><c>true</c> for temporary keys (they come with a security token and expire).</summary>
    public bool IsTemporary => SecurityToken is not null;

    /// <summary>The AK's last four characters behind asterisks (<c>****WXYZ</c>); only asterisks for a short AK.</summary>
    public string AccessKeyHint { get; }

    /// <summary>
    /// The same keys with other settings: a given value replaces the source's, <c>null</c> keeps it.
    /// </summary>
    internal override ChainCredentials WithSettings(string? projectId, string? domainId, Uri? iamEndpoint) =>
        new AccessKeyCredentials(
            AccessKey,
            SecretKey,
            SecurityToken,
            CredentialRules.Clean(projectId) ?? ProjectId,
            CredentialRules.Clean(domainId) ?? DomainId,
            iamEndpoint ?? IamEndpoint,
            SourceKind,
            Source);

    /// <summary>Which key and where it came from, e.g. "access key ****0001 from environment variables HUAWEICLOUD_SDK_AK/SK".</summary>
    public override string Origin => $"{(IsTemporary ? "temporary access key" : "access key")} {AccessKeyHint} from {Source}";

    private static string Hint(string accessKey) =>
        accessKey.Length >= ShortestHintedKey
            ? "****" + accessKey.Substring(accessKey.Length - HintLength)
            : "****";
}
