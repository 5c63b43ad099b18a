using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MrsJobs.Emulator.Metadata;

/// <summary>
/// The ECS/BMS instance metadata service's routes, at the server's root as at <c>http://169.254.169.254</c>
/// (clients are pointed here with <c>MRSJOBS_METADATA_ENDPOINT</c>).
/// </summary>
internal static class MetadataRoutes
{
    public static void MapMetadata(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/meta-data/latest/api/token", MetadataEndpoints.IssueSessionTokenAsync);
        endpoints.MapGet("/openstack/latest/securitykey", MetadataEndpoints.SecurityKeyAsync);
        endpoints.MapGet("/openstack/latest/meta_data.json", MetadataEndpoints.InstanceAsync);
    }
}
