using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/stats</c> and <c>/_emulator/job-counts</c>: measurements for load tests and "exactly once" checks.</summary>
internal static class StatsControl
{
    public static IResult Get(EmulatorState state) => ControlJson.Ok(new StatsView(
        state.Jobs.Count,
        state.Jobs.GetRepeatedNames(),
        state.Stats.PeakInFlight,
        state.Stats.InFlight,
        state.Stats.SubmissionsReceived,
        state.Stats.GetFaultsFired()));

    /// <summary>Resets the peak (to the requests in flight now), the submissions received and the faults fired; not the jobs.</summary>
    public static IResult Reset(EmulatorState state)
    {
        state.Stats.Reset();
        return Results.NoContent();
    }

    public static IResult CountJobs(HttpRequest request, EmulatorState state)
    {
        var name = request.Query["name"].ToString();
        return string.IsNullOrEmpty(name)
            ? ControlJson.BadRequest("The query parameter name (an exact job name) is required.")
            : ControlJson.Ok(new JobCountView(name, state.Jobs.CountNamed(name)));
    }
}
