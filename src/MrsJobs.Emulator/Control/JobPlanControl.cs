using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/job-plans</c>: add a per-job-name timeline, list them in match order, drop them all.</summary>
internal static class JobPlanControl
{
    public static IResult List(EmulatorState state) => ControlJson.Ok(state.JobPlans.GetAll().Select(JobPlanText.View));

    public static IResult Clear(EmulatorState state)
    {
        state.JobPlans.Clear();
        return Results.NoContent();
    }

    public static async Task<IResult> AddAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<JobPlanBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.JobName))
        {
            return ControlJson.BadRequest("job_name (a pattern; * stands for any characters) is required.");
        }

        var plan = JobPlanText.Parse(body, body.JobName, state.Settings.DefaultJobPlan, out var error);
        if (plan is null)
        {
            return ControlJson.BadRequest(error!);
        }

        state.JobPlans.Add(plan);
        return ControlJson.Ok(JobPlanText.View(plan), StatusCodes.Status201Created);
    }
}
