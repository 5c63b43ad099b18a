using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/fault-mix</c>: set, show and remove the seeded random fault mix of submissions.</summary>
internal static class FaultMixControl
{
    public static IResult Get(EmulatorState state) => state.FaultMix.Current is { } mix
        ? ControlJson.Ok(View(mix, state.FaultMix.Draws))
        : GatewayErrors.Canonical(StatusCodes.Status404NotFound, "EMULATOR.0404", "No fault mix is set.");

    public static async Task<IResult> PutAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<FaultMixBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (body.Seed is not { } seed || body.Rates is null)
        {
            return ControlJson.BadRequest("seed (an integer) and rates (an object of probabilities) are required.");
        }

        if (body.Operation is not (null or "" or "submit"))
        {
            return ControlJson.BadRequest($"Unknown operation '{body.Operation}': a fault mix applies to submit only.");
        }

        var mix = new FaultMixSettings(seed, body.Rates.ToDictionary(r => r.Key, r => r.Value, System.StringComparer.Ordinal), body.RetryAfterSeconds);
        if (FaultMix.Validate(mix) is { } error)
        {
            return ControlJson.BadRequest(error);
        }

        state.FaultMix.Set(mix);
        return ControlJson.Ok(View(mix, 0));
    }

    public static IResult Clear(EmulatorState state)
    {
        state.FaultMix.Clear();
        return Results.NoContent();
    }

    private static FaultMixView View(FaultMixSettings mix, long draws) => new(
        mix.Seed,
        "submit",
        FaultMix.Names.Where(mix.Rates.ContainsKey).ToDictionary(n => n, n => mix.Rates[n], System.StringComparer.Ordinal),
        mix.RetryAfterSeconds,
        draws);
}
