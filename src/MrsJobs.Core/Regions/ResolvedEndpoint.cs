using System;

namespace MrsJobs.Core.Regions;

/// <summary>An endpoint and where it came from.</summary>
internal sealed class ResolvedEndpoint
{
    /// <summary>Creates the pair.</summary>
    /// <param name="url">The checked base URL, ending with a slash.</param>
    /// <param name="kind">The kind of source.</param>
    /// <param name="detail">Which one exactly (a parameter, variable or file and line); <c>null</c> when the kind says all.</param>
    public ResolvedEndpoint(Uri url, EndpointSourceKind kind, string? detail = null)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Kind = kind;
        Detail = detail;
    }

    /// <summary>The checked base URL.</summary>
    public Uri Url { get; }

    /// <summary>The kind of source.</summary>
    public EndpointSourceKind Kind { get; }

    /// <summary>Which source exactly, when the kind does not say it all.</summary>
    public string? Detail { get; }

    /// <summary>
    /// <c>true</c> when the user configured this endpoint (a parameter, the credential source, a variable, the
    /// regions file), as opposed to the table, the global fallback or a guess.
    /// </summary>
    public bool IsConfigured => Kind is EndpointSourceKind.Parameter or EndpointSourceKind.CredentialsFile or EndpointSourceKind.Environment or EndpointSourceKind.RegionsFile;

    /// <summary>The source as the session shows it: <c>Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4)</c>, <c>RegionTable</c>, …</summary>
    public string Source => Detail is null ? Kind.ToString() : $"{Kind} ({Detail})";

    /// <inheritdoc />
    public override string ToString() => $"{Url} from {Source}";
}
