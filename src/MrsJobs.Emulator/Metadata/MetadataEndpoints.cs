using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.Iam;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Metadata;

/// <summary>
/// The metadata service as the SDKs use it (huaweicloud-sdk-go-v3 <c>core/auth/internal/metadata_accessor.go</c>)
/// and the ECS documentation describes it: <c>PUT /meta-data/latest/api/token</c> with
/// <c>X-Metadata-Token-Ttl-Seconds</c> (1 to 21600) gives a session token for <c>X-Metadata-Token</c>;
/// <c>GET /openstack/latest/securitykey</c> gives <c>{"credential":{"access","secret","securitytoken","expires_at"}}</c>,
/// or 401 "Please configure Cloud Service Agency first" for a VM without an agency; <c>GET
/// /openstack/latest/meta_data.json</c> gives the VM's <c>project_id</c> and <c>availability_zone</c>. A wrong or
/// expired session token is refused with 401; so is a missing one when the service requires tokens.
/// </summary>
internal static class MetadataEndpoints
{
    public const string SessionTokenHeader = "X-Metadata-Token";
    public const string SessionTokenLifetimeHeader = "X-Metadata-Token-Ttl-Seconds";
    public const string NoAgency = "Please configure Cloud Service Agency first";

    public static async Task<IResult> IssueSessionTokenAsync(HttpContext context, EmulatorState state)
    {
        var settings = state.Metadata.Settings;
        var failure = await FailureAsync(context, settings).ConfigureAwait(false);
        if (failure is not null || !settings.TokensSupported)
        {
            state.Metadata.CountRefusedSessionTokenRequest();
            return failure ?? Text(StatusCodes.Status404NotFound, "404 Not Found");
        }

        var text = context.Request.Headers[SessionTokenLifetimeHeader].ToString();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > MetadataServiceState.LongestSessionTokenSeconds)
        {
            state.Metadata.CountRefusedSessionTokenRequest();
            return Text(StatusCodes.Status400BadRequest, $"{SessionTokenLifetimeHeader} must be a whole number of seconds from 1 to {MetadataServiceState.LongestSessionTokenSeconds}.");
        }

        return Text(StatusCodes.Status200OK, state.Metadata.IssueSessionToken(TimeSpan.FromSeconds(seconds)));
    }

    public static async Task<IResult> SecurityKeyAsync(HttpContext context, EmulatorState state)
    {
        var settings = state.Metadata.Settings;
        var refusal = await FailureAsync(context, settings).ConfigureAwait(false)
            ?? SessionTokenRefusal(context, state)
            ?? (settings.Failure == MetadataFailure.NoAgency ? Text(StatusCodes.Status401Unauthorized, NoAgency) : null);
        var user = refusal is null ? state.Identity.FindUser(SeedData.DomainId, settings.User) : null;
        if (refusal is not null || user is null)
        {
            state.Metadata.CountRefusedSecurityKeyRequest();
            return refusal ?? Text(StatusCodes.Status500InternalServerError, $"The agency's user {settings.User} does not exist.");
        }

        var key = state.Metadata.HandOutKey(state.AccessKeys, user);
        return JsonReply.Create(StatusCodes.Status200OK, new JsonObject
        {
            ["credential"] = new JsonObject
            {
                ["access"] = key.AccessKey,
                ["secret"] = key.SecretKey,
                ["securitytoken"] = key.SecurityToken,
                ["expires_at"] = IamTime.Format(key.ExpiresAt!.Value),
            },
        });
    }

    public static async Task<IResult> InstanceAsync(HttpContext context, EmulatorState state)
    {
        state.Metadata.CountInstanceRequest();
        var settings = state.Metadata.Settings;
        return await FailureAsync(context, settings).ConfigureAwait(false) ?? SessionTokenRefusal(context, state) ?? JsonReply.Create(StatusCodes.Status200OK, new JsonObject
        {
            ["uuid"] = "ca9e8b7c-f2be-4b6d-a639-f10b4d994d04",
            ["name"] = "ecs-emulated",
            ["hostname"] = "ecs-emulated.novalocal",
            ["availability_zone"] = settings.AvailabilityZone,
            ["project_id"] = settings.ProjectId,
            ["launch_index"] = 0,
            ["meta"] = new JsonObject { ["os_type"] = "Linux", ["charging_mode"] = "0" },
        });
    }

    // A session token, when one is sent, must be live; without one, only a service that requires tokens refuses.
    private static IResult? SessionTokenRefusal(HttpContext context, EmulatorState state)
    {
        var token = context.Request.Headers[SessionTokenHeader].ToString();
        if (token.Length > 0 && !state.Metadata.IsLiveSessionToken(token))
        {
            return Text(StatusCodes.Status401Unauthorized, "Unauthorized: the metadata token is not valid or has expired.");
        }

        return token.Length == 0 && state.Metadata.Settings.RequireSessionToken
            ? Text(StatusCodes.Status401Unauthorized, "Unauthorized: a metadata token is required.")
            : null;
    }

    private static async Task<IResult?> FailureAsync(HttpContext context, MetadataSettings settings)
    {
        switch (settings.Failure)
        {
            case MetadataFailure.ServerError:
                return Text(StatusCodes.Status500InternalServerError, "500 Internal Server Error");
            case MetadataFailure.Silent:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    return AbortReply.Instance;   // the client gave up waiting; there is no one to answer
                }

                return Text(StatusCodes.Status503ServiceUnavailable, "503 Service Unavailable");
            default:
                return null;
        }
    }

    private static RawReply Text(int status, string text) => new(status, "text/plain; charset=utf-8", text);
}
