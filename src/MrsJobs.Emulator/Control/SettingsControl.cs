using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>GET</c> and <c>PUT /_emulator/settings</c>.</summary>
internal static class SettingsControl
{
    public static IResult Get(EmulatorState state) => ControlJson.Ok(View(state.Settings));

    public static async Task<IResult> PutAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<SettingsBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        var mode = body.ListOffsetMode is null ? state.Settings.ListOffsetMode : ListOffsetModes.Parse(body.ListOffsetMode);
        if (mode is null)
        {
            return ControlJson.BadRequest($"Unknown list_offset_mode '{body.ListOffsetMode}': use {ListOffsetModes.Names}.");
        }

        if (body.LatencyMs is < 0 or > EmulatorSettings.MaxLatencyMs)
        {
            return ControlJson.BadRequest($"latency_ms must be from 0 to {EmulatorSettings.MaxLatencyMs}.");
        }

        var plan = state.Settings.DefaultJobPlan;
        if (body.DefaultJobPlan is { } planBody)
        {
            var parsed = JobPlanText.Parse(planBody, "*", plan, out var error);
            if (parsed is null)
            {
                return ControlJson.BadRequest("default_job_plan: " + error);
            }

            plan = parsed;
        }

        if (body.TokenLifetimeSeconds is { } seconds)
        {
            state.Settings.TokenLifetime = TimeSpan.FromSeconds(seconds);
        }

        if (body.ArgumentCharacterCheck is { } check)
        {
            state.Settings.ArgumentCharacterCheck = check;
        }

        if (body.LatencyMs is { } latency)
        {
            state.Settings.LatencyMs = latency;
        }

        state.Settings.ListOffsetMode = mode.Value;
        state.Settings.DefaultJobPlan = plan;
        return ControlJson.Ok(View(state.Settings));
    }

    private static SettingsBody View(EmulatorSettings settings) => new(
        settings.TokenLifetime.TotalSeconds,
        settings.ArgumentCharacterCheck,
        ListOffsetModes.Name(settings.ListOffsetMode),
        JobPlanText.View(settings.DefaultJobPlan),
        settings.LatencyMs);
}
