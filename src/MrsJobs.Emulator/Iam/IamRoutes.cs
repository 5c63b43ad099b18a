using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MrsJobs.Emulator.Iam;

/// <summary>The IAM route group, <c>/v3</c>, and the ID-token exchange under <c>/v3.0</c>.</summary>
internal static class IamRoutes
{
    public static void MapIam(this IEndpointRouteBuilder endpoints)
    {
        var iam = endpoints.MapGroup("/v3");
        iam.MapPost("/auth/tokens", TokenEndpoint.HandleAsync);
        iam.MapGet("/auth/tokens", TokenCheckEndpoint.Handle);
        iam.MapMethods("/auth/tokens", new[] { HttpMethods.Head }, TokenCheckEndpoint.Handle);
        iam.MapGet("/projects", ProjectsEndpoint.HandleAsync);
        endpoints.MapPost(IdTokenEndpoint.Path, IdTokenEndpoint.HandleAsync);
    }
}
