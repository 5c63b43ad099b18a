using System;
using MrsJobs.Core.Credentials;

namespace MrsJobs.Core.Regions;

/// <summary>What <see cref="EndpointChain"/> is asked: the region and what the caller was given.</summary>
internal sealed class EndpointQuery
{
    /// <summary>Creates the query.</summary>
    /// <param name="region">The region as given (trimmed and lower-cased by the chain); <c>null</c> when only endpoints were given.</param>
    /// <param name="endpoint"><c>-Endpoint</c>, already checked; <c>null</c> when not given.</param>
    /// <param name="iamEndpoint"><c>-IamEndpoint</c>, already checked; <c>null</c> when not given.</param>
    public EndpointQuery(string? region, Uri? endpoint = null, Uri? iamEndpoint = null)
    {
        Region = region;
        Endpoint = endpoint;
        IamEndpoint = iamEndpoint;
    }

    /// <summary>The region as given.</summary>
    public string? Region { get; }

    /// <summary><c>-Endpoint</c>.</summary>
    public Uri? Endpoint { get; }

    /// <summary><c>-IamEndpoint</c>.</summary>
    public Uri? IamEndpoint { get; }

    /// <summary>The IAM endpoint the credential source gave with its keys (the credentials file's <c>iam_endpoint</c>).</summary>
    public ResolvedEndpoint? CredentialIamEndpoint { get; private set; }

    /// <summary>
    /// <c>true</c> when IAM may be asked only at an endpoint the user configured if MRS is <c>-Endpoint</c>:
    /// a token for a private cloud or a proxy is never sent to the region's or the global IAM.
    /// </summary>
    public bool ConfiguredIamOnlyWithEndpoint { get; private set; }

    /// <summary>The same query for a region learned later (the VM's, from the metadata service).</summary>
    public EndpointQuery WithRegion(string? region) =>
        new(region, Endpoint, IamEndpoint) { CredentialIamEndpoint = CredentialIamEndpoint, ConfiguredIamOnlyWithEndpoint = ConfiguredIamOnlyWithEndpoint };

    /// <summary>The query of a token session (see <see cref="ConfiguredIamOnlyWithEndpoint"/>).</summary>
    public static EndpointQuery ForToken(string? region, Uri? endpoint, Uri? iamEndpoint) =>
        new(region, endpoint, iamEndpoint) { ConfiguredIamOnlyWithEndpoint = true };

    /// <summary>
    /// The query of a session made from what the credential chain found (access keys, an ID token, metadata keys).
    /// The metadata service has no IAM endpoint of its own, so metadata keys carry only <c>-IamEndpoint</c>. The keys' IAM endpoint counts as the credential source's own only
    /// when it came from a file: from the parameters it is <c>-IamEndpoint</c>, from the environment it is
    /// <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c>, which the chain reads in its own place.
    /// </summary>
    public static EndpointQuery ForCredentials(string? region, Uri? endpoint, Uri? iamEndpoint, ChainCredentials credentials)
    {
        if (credentials is null)
        {
            throw new ArgumentNullException(nameof(credentials));
        }

        var fromFile = credentials.IamEndpoint is { } own && credentials.SourceKind == CredentialSourceKind.ProfileFile
            ? new ResolvedEndpoint(own, EndpointSourceKind.CredentialsFile, credentials.Source)
            : null;
        var given = iamEndpoint ?? (credentials.SourceKind is CredentialSourceKind.Explicit or CredentialSourceKind.InstanceMetadata ? credentials.IamEndpoint : null);
        return new EndpointQuery(region, endpoint, given) { CredentialIamEndpoint = fromFile };
    }
}
