using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>
/// Body of <c>PUT /_emulator/metadata</c>; a null member is left unchanged. <c>failure</c> is <c>none</c>,
/// <c>no_agency</c>, <c>server_error</c> or <c>silent</c>.
/// </summary>
internal sealed record MetadataBody(
    double? KeyLifetimeSeconds,
    MetadataFailure? Failure,
    bool? TokensSupported,
    bool? RequireSessionToken,
    string? User,
    string? ProjectId,
    string? AvailabilityZone);

/// <summary>Reply of both metadata routes: the settings and what the service was asked since the last reset.</summary>
internal sealed record MetadataView(
    double KeyLifetimeSeconds,
    MetadataFailure Failure,
    bool TokensSupported,
    bool RequireSessionToken,
    string User,
    string ProjectId,
    string AvailabilityZone,
    int SessionTokenRequests,
    int SecurityKeyRequests,
    int KeysIssued,
    int InstanceRequests);

/// <summary><c>GET</c> and <c>PUT /_emulator/metadata</c>: the emulated metadata service's behaviour and counts.</summary>
internal static class MetadataControl
{
    public static IResult Get(EmulatorState state) => ControlJson.Ok(View(state.Metadata));

    public static async Task<IResult> PutAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<MetadataBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (body.KeyLifetimeSeconds is <= 0)
        {
            return ControlJson.BadRequest("key_lifetime_seconds must be positive.");
        }

        if (body.User is { } user && state.Identity.FindUser(SeedData.DomainId, user) is null)
        {
            return ControlJson.BadRequest($"No user {user} in account {SeedData.DomainName}.");
        }

        var current = state.Metadata.Settings;
        state.Metadata.Settings = current with
        {
            KeyLifetime = body.KeyLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : current.KeyLifetime,
            Failure = body.Failure ?? current.Failure,
            TokensSupported = body.TokensSupported ?? current.TokensSupported,
            RequireSessionToken = body.RequireSessionToken ?? current.RequireSessionToken,
            User = body.User ?? current.User,
            ProjectId = body.ProjectId ?? current.ProjectId,
            AvailabilityZone = body.AvailabilityZone ?? current.AvailabilityZone,
        };
        return ControlJson.Ok(View(state.Metadata));
    }

    private static MetadataView View(MetadataServiceState metadata)
    {
        var (settings, counts) = (metadata.Settings, metadata.Counts);
        return new MetadataView(
            settings.KeyLifetime.TotalSeconds, settings.Failure, settings.TokensSupported, settings.RequireSessionToken, settings.User, settings.ProjectId,
            settings.AvailabilityZone, counts.SessionTokenRequests, counts.SecurityKeyRequests, counts.KeysIssued, counts.InstanceRequests);
    }
}
