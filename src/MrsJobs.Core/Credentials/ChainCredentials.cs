using System;
using System.Diagnostics;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// What the credential chain found, with the settings that came from the same source: access keys
/// (<see cref="AccessKeyCredentials"/>), an ID token to exchange at IAM (<see cref="IdTokenCredentials"/>), or the
/// instance metadata service to ask for temporary keys (<see cref="MetadataCredentials"/>). Nothing here shows a secret.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
internal abstract class ChainCredentials
{
    /// <summary>Creates the common part.</summary>
    protected ChainCredentials(string? projectId, string? domainId, Uri? iamEndpoint, CredentialSourceKind sourceKind, string source)
    {
        ProjectId = CredentialRules.Clean(projectId);
        DomainId = CredentialRules.Clean(domainId);
        IamEndpoint = iamEndpoint;
        SourceKind = sourceKind;
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>The project id, when the source gave one; otherwise it is looked up (or scoped by the region's name).</summary>
    public string? ProjectId { get; }

    /// <summary>The account (domain) id, when the source gave one.</summary>
    public string? DomainId { get; }

    /// <summary>The IAM endpoint, when the parameters or the source gave one (the environment's is <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c>).</summary>
    public Uri? IamEndpoint { get; }

    /// <summary>Which kind of source the credentials came from.</summary>
    public CredentialSourceKind SourceKind { get; }

    /// <summary>Where exactly they came from, e.g. <c>profile file /home/x/.huaweicloud/credentials [basic]</c>.</summary>
    public string Source { get; }

    /// <summary>What the credentials are and where they came from, for -Verbose and the session; never a secret.</summary>
    public abstract string Origin { get; }

    /// <summary>The same credentials with other settings: a given value replaces the source's, <c>null</c> keeps it.</summary>
    internal abstract ChainCredentials WithSettings(string? projectId, string? domainId, Uri? iamEndpoint);

    /// <inheritdoc />
    public override string ToString()
    {
        var project = ProjectId is null ? string.Empty : $", project {ProjectId}";
        var domain = DomainId is null ? string.Empty : $", domain {DomainId}";
        var iam = IamEndpoint is null ? string.Empty : $", IAM {IamEndpoint}";
        return $"{Origin}{project}{domain}{iam}";
    }
}
