using System;
using System.Collections.Generic;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// The last step of the SDKs' chain (Go <c>provider_chain.go</c>: environment → profile → metadata), or
/// <c>-UseMetadata</c>: temporary keys of the VM's agency, asked of the ECS/BMS instance metadata service at
/// <see cref="Endpoint"/> when the session is made and again before they expire. Nothing is fetched here; when
/// the chain came here only because no other source had credentials (<see cref="IsImplicit"/>), a service that
/// does not answer means "no credentials found" (<see cref="NotFound"/>), listing every place the chain looked.
/// </summary>
internal sealed class MetadataCredentials : ChainCredentials
{
    /// <summary>Where the ECS and BMS metadata service listens (Go <c>metadata_accessor.go</c> <c>MetadataEndpoint</c>).</summary>
    public static readonly Uri DefaultEndpoint = new("http://169.254.169.254/");

    private readonly IReadOnlyList<string>? _passed;

    /// <summary>Creates the step.</summary>
    /// <param name="endpoint">The metadata service, with a trailing slash.</param>
    /// <param name="passed">The places the chain looked in before, when it came here for want of credentials; <c>null</c> for <c>-UseMetadata</c>.</param>
    /// <param name="projectId">The project id given or set, if any.</param>
    /// <param name="domainId">The domain id given or set, if any.</param>
    /// <param name="iamEndpoint">The IAM endpoint given or set, if any.</param>
    public MetadataCredentials(Uri endpoint, IReadOnlyList<string>? passed, string? projectId, string? domainId, Uri? iamEndpoint)
        : base(projectId, domainId, iamEndpoint, CredentialSourceKind.InstanceMetadata, "instance metadata service " + Urls.Shown(endpoint))
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _passed = passed;
    }

    /// <summary>The metadata service's base URL.</summary>
    public Uri Endpoint { get; }

    /// <summary><c>true</c> when the chain came here only because no earlier source had credentials.</summary>
    public bool IsImplicit => _passed is not null;

    /// <inheritdoc />
    public override string Origin => "temporary access keys from the " + Source;

    /// <summary>
    /// The error for a metadata service that could not give keys: for the implicit step, the chain's
    /// <see cref="CredentialsProblem.NotFound"/> listing every place; for <c>-UseMetadata</c>, <c>null</c> (the caller
    /// reports the service's own failure).
    /// </summary>
    /// <param name="reason">Why the service gave none, e.g. <c>no answer within 3 s</c>.</param>
    public CredentialsException? NotFound(string reason) =>
        _passed is null ? null : CredentialChain.NotFound(new List<string>(_passed) { $"{Source} ({reason})" });

    /// <inheritdoc />
    internal override ChainCredentials WithSettings(string? projectId, string? domainId, Uri? iamEndpoint) =>
        new MetadataCredentials(Endpoint, _passed, CredentialRules.Clean(projectId) ?? ProjectId, CredentialRules.Clean(domainId) ?? DomainId, iamEndpoint ?? IamEndpoint);
}
