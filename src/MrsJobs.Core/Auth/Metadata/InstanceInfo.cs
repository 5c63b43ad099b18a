using System.Text.RegularExpressions;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>What <c>meta_data.json</c> says about the VM: its project, and the region of its availability zone.</summary>
internal sealed class InstanceInfo
{
    // An availability zone is its region's name with a letter after it: cn-north-4a, ap-southeast-1b, eu-west-101a.
    private static readonly Regex ZoneOfRegion = new("^(?<region>[a-z]+(-[a-z]+)+-[0-9]+)[a-z]+$", RegexOptions.CultureInvariant);

    /// <summary>Creates the information.</summary>
    public InstanceInfo(string? projectId, string? availabilityZone)
    {
        ProjectId = string.IsNullOrWhiteSpace(projectId) ? null : projectId!.Trim();
        AvailabilityZone = string.IsNullOrWhiteSpace(availabilityZone) ? null : availabilityZone!.Trim();
        var match = AvailabilityZone is null ? null : ZoneOfRegion.Match(AvailabilityZone);
        Region = match is { Success: true } ? match.Groups["region"].Value : null;
    }

    /// <summary>The project the VM belongs to; <c>null</c> when the service did not say.</summary>
    public string? ProjectId { get; }

    /// <summary>The VM's availability zone, e.g. <c>cn-north-4a</c>.</summary>
    public string? AvailabilityZone { get; }

    /// <summary>The region of <see cref="AvailabilityZone"/>, e.g. <c>cn-north-4</c>; <c>null</c> when the zone's name does not show it.</summary>
    public string? Region { get; }
}
