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

        if (body.TokenLifetimeSeconds is { } seconds)
        {
            state.Settings.TokenLifetime = TimeSpan.FromSeconds(seconds);
        }

        if (body.ArgumentCharacterCheck is { } check)
        {
            state.Settings.ArgumentCharacterCheck = check;
        }

        return ControlJson.Ok(View(state.Settings));
    }

    private static SettingsBody View(EmulatorSettings settings) =>
        new(settings.TokenLifetime.TotalSeconds, settings.ArgumentCharacterCheck);
}
