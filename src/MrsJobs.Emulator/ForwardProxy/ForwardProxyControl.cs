using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MrsJobs.Emulator.Control;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>
/// <c>/_emulator/forward-proxy</c>: where the forward proxy and the HTTPS listener are, the hops counted
/// (<c>GET</c>), zeroing them (<c>POST …/reset</c>), and the Basic credentials it requires (<c>PUT …/credentials</c>,
/// <c>{"user":"u","password":"p"}</c>; a null user requires none). 404 when the emulator runs without a proxy.
/// </summary>
internal static class ForwardProxyControl
{
    public static void MapForwardProxyControl(this IEndpointRouteBuilder endpoints, EmulatorServer server)
    {
        var group = endpoints.MapGroup(ControlRoutes.Prefix + "/forward-proxy");
        group.MapGet("/", () => server.ForwardProxy is { } proxy
            ? ControlJson.Ok(new ForwardProxyView(
                proxy.Address.ToString(),
                server.TlsAddress?.ToString(),
                proxy.Hops.Hops,
                proxy.Hops.AuthRefusals,
                proxy.Hops.Unreachable,
                proxy.Hops.RequiredUser))
            : NotRunning());
        group.MapPost("/reset", () =>
        {
            if (server.ForwardProxy is not { } proxy)
            {
                return NotRunning();
            }

            proxy.Hops.Reset();
            return Results.NoContent();
        });
        group.MapPut("/credentials", async (HttpRequest request) =>
        {
            if (server.ForwardProxy is not { } proxy)
            {
                return NotRunning();
            }

            var (body, failure) = await ControlJson.ReadAsync<ProxyCredentialsBody>(request).ConfigureAwait(false);
            if (body is null)
            {
                return failure!;
            }

            proxy.Hops.RequireCredentials(body.User, body.Password);
            return Results.NoContent();
        });
    }

    private static IResult NotRunning() =>
        ControlJson.Ok(new { error_msg = "The emulator runs without a forward proxy: start it with --forward-proxy-port." }, StatusCodes.Status404NotFound);

    private sealed record ForwardProxyView(
        string Address, string? TlsAddress, IReadOnlyDictionary<string, int> Hops, int AuthRefusals, int Unreachable, string? RequiredUser);

    private sealed class ProxyCredentialsBody
    {
        public string? User { get; set; }

        public string? Password { get; set; }
    }
}
