using System;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// ID-token federation, as the SDKs' <c>idp_id</c>/<c>id_token_file</c> credentials: the OpenID Connect ID token in
/// <see cref="IdTokenFile"/> is exchanged at IAM for a project-scoped token of the identity provider
/// <see cref="IdpId"/>'s federated user. Only the file's path is kept: the token is read from it at each exchange,
/// so a token rotated by its issuer (a Kubernetes projected token, a CI job's OIDC token) is picked up.
/// </summary>
internal sealed class IdTokenCredentials : ChainCredentials
{
    /// <summary>Creates the credentials. Normally made by <see cref="CredentialChain"/>.</summary>
    /// <exception cref="ArgumentException">The identity provider id or the file path is empty.</exception>
    public IdTokenCredentials(string idpId, string idTokenFile, string? projectId, string? domainId, Uri? iamEndpoint, CredentialSourceKind sourceKind, string source)
        : base(projectId, domainId, iamEndpoint, sourceKind, source)
    {
        IdpId = CredentialRules.Clean(idpId) ?? throw new ArgumentException("The identity provider id is empty.", nameof(idpId));
        IdTokenFile = CredentialRules.Clean(idTokenFile) ?? throw new ArgumentException("The ID token file path is empty.", nameof(idTokenFile));
    }

    /// <summary>The identity provider's id at IAM (sent as <c>X-Idp-Id</c>); not a secret.</summary>
    public string IdpId { get; }

    /// <summary>The full path of the file that holds the ID token.</summary>
    public string IdTokenFile { get; }

    /// <inheritdoc />
    public override string Origin => $"ID token file {IdTokenFile} of identity provider {IdpId} from {Source}";

    /// <inheritdoc />
    internal override ChainCredentials WithSettings(string? projectId, string? domainId, Uri? iamEndpoint) =>
        new IdTokenCredentials(
            IdpId,
            IdTokenFile,
            CredentialRules.Clean(projectId) ?? ProjectId,
            CredentialRules.Clean(domainId) ?? DomainId,
            iamEndpoint ?? IamEndpoint,
            SourceKind,
            Source);
}
