using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/faults</c>: queue a one-shot fault, list the pending ones, drop them all.</summary>
internal static class FaultControl
{
    public static IResult List(EmulatorState state) =>
        ControlJson.Ok(state.Faults.GetPending().Select(FaultRuleText.View));

    public static IResult Clear(EmulatorState state)
    {
        state.Faults.Clear();
        return Results.NoContent();
    }

    public static async Task<IResult> AddAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<FaultBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        var fault = FaultRuleText.Parse(body, out var error);
        if (fault is null)
        {
            return ControlJson.BadRequest(error!);
        }

        state.Faults.Enqueue(fault);
        return ControlJson.Ok(FaultRuleText.View(fault), StatusCodes.Status201Created);
    }
}
