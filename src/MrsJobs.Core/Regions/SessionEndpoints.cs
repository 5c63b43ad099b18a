using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Regions;

/// <summary>
/// Where a session's services are, as <see cref="EndpointChain"/> found them, with where each endpoint came
/// from, what the user should be warned about and what <c>-Verbose</c> should say.
/// </summary>
internal sealed class SessionEndpoints
{
    /// <summary>Creates the result.</summary>
    public SessionEndpoints(string? region, ResolvedEndpoint? mrs, ResolvedEndpoint? iam, IReadOnlyList<string>? notes = null)
    {
        Region = region;
        Mrs = mrs;
        Iam = iam;
        Notes = notes ?? Array.Empty<string>();
    }

    /// <summary>The region, trimmed and lower-cased; <c>null</c> when none was given.</summary>
    public string? Region { get; }

    /// <summary>The MRS endpoint; <c>null</c> when there is neither a region nor <c>-Endpoint</c>.</summary>
    public ResolvedEndpoint? Mrs { get; }

    /// <summary>The IAM endpoint; <c>null</c> when nothing names one and there is no region.</summary>
    public ResolvedEndpoint? Iam { get; }

    /// <summary>Remarks for <c>-Verbose</c> (extra endpoints not used, …).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>A warning for a region no table knows, naming the nearest known one; <c>null</c> otherwise.</summary>
    public string? Warning
    {
        get
        {
            if (Mrs is not { Kind: EndpointSourceKind.Guessed } guess || Region is null)
            {
                return null;
            }

            var nearest = RegionNames.Nearest(Region, RegionTable.MrsRegions);
            var iam = Iam is null ? string.Empty
                : Iam.Kind == EndpointSourceKind.GlobalFallback ? $" and the global IAM endpoint {Iam.Url}"
                : $" and IAM at {Iam.Url} from {Iam.Source}";
            return $"The region '{Region}' is not in the SDKs' MRS region table; the nearest known region is {nearest}. "
                + $"Going on with MRS at {guess.Url}{iam}, in case the region is newer than the table. "
                + $"If it is a typing mistake, connect again with -Region {nearest}.";
        }
    }

    /// <summary>The MRS endpoint.</summary>
    /// <exception cref="ArgumentException">There is none: neither <c>-Region</c> nor <c>-Endpoint</c> was given.</exception>
    public ResolvedEndpoint RequireMrs() => Mrs ?? throw Missing("-Endpoint");

    /// <summary>The IAM endpoint.</summary>
    /// <exception cref="ArgumentException">There is none: no region and nothing that names one.</exception>
    public ResolvedEndpoint RequireIam() => Iam ?? throw Missing("-IamEndpoint");

    /// <summary>The region, for what only a region can say (the project named like it).</summary>
    /// <param name="alternatives">The parameters that would do instead, for the message (<c>-ProjectId</c>).</param>
    /// <exception cref="ArgumentException">No region was given or learned.</exception>
    public string RequireRegion(params string[] alternatives) => Region ?? throw Missing(alternatives);

    /// <summary>The lines <c>-Verbose</c> shows: each endpoint and its source, then the notes.</summary>
    public IEnumerable<string> Describe() =>
        new[] { ("MRS", Mrs), ("IAM", Iam) }
            .Where(pair => pair.Item2 is not null)
            .Select(pair => $"{pair.Item1} endpoint {pair.Item2!.Url} from {pair.Item2.Source}.")
            .Concat(Notes);

    // The one message for a missing region: "Give -Region (for example cn-north-4) or -Endpoint.", "…, -ProjectName or -ProjectId.".
    private static ArgumentException Missing(params string[] alternatives)
    {
        var last = alternatives[alternatives.Length - 1];
        var others = alternatives.Take(alternatives.Length - 1).Select(name => ", " + name);
        return new ArgumentException($"Give -Region (for example cn-north-4){string.Concat(others)} or {last}.");
    }
}
