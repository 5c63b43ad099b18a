using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>The control API for tests and demos, <c>/_emulator</c>: JSON, snake_case.</summary>
internal static class ControlRoutes
{
    public const string Prefix = "/_emulator";

    public static void MapControl(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup(Prefix);
        control.MapPost("/reset", (EmulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        control.MapGet("/requests", (EmulatorState state) => ControlJson.Ok(
            state.Requests.GetAll().Select(r => new RequestView(r.Method, r.Path, r.Query, r.Headers, r.Body, r.Status, r.ReceivedAt.ToUnixTimeMilliseconds()))));
        control.MapDelete("/requests", (EmulatorState state) =>
        {
            state.Requests.Clear();
            return Results.NoContent();
        });
        control.MapGet("/jobs", JobControl.List);
        control.MapPost("/jobs", JobControl.AddAsync);
        control.MapGet("/list-changes", ListChangeControl.List);
        control.MapPost("/list-changes", ListChangeControl.AddAsync);
        control.MapDelete("/list-changes", ListChangeControl.Clear);
        control.MapGet("/job-plans", JobPlanControl.List);
        control.MapPost("/job-plans", JobPlanControl.AddAsync);
        control.MapDelete("/job-plans", JobPlanControl.Clear);

        control.MapGet("/clusters", ClusterControl.List);
        control.MapPost("/clusters", ClusterControl.PutAsync);
        control.MapDelete("/clusters/{cluster_id}", ClusterControl.Remove);
        control.MapPost("/users", IdentityControl.AddUserAsync);
        control.MapPost("/projects", IdentityControl.AddProjectAsync);
        control.MapPost("/tokens", IdentityControl.IssueTokenAsync);
        control.MapPost("/access-keys", AccessKeyControl.AddAsync);
        control.MapGet("/settings", SettingsControl.Get);
        control.MapPut("/settings", SettingsControl.PutAsync);
        control.MapGet("/faults", FaultControl.List);
        control.MapPost("/faults", FaultControl.AddAsync);
        control.MapDelete("/faults", FaultControl.Clear);
        control.MapGet("/fault-mix", FaultMixControl.Get);
        control.MapPut("/fault-mix", FaultMixControl.PutAsync);
        control.MapDelete("/fault-mix", FaultMixControl.Clear);
        control.MapGet("/stats", StatsControl.Get);
        control.MapPost("/stats/reset", StatsControl.Reset);
        control.MapGet("/job-counts", StatsControl.CountJobs);
        control.MapGet("/metadata", MetadataControl.Get);
        control.MapPut("/metadata", MetadataControl.PutAsync);
        control.MapGet("/idp", IdentityProviderControl.List);
        control.MapPost("/idp", IdentityProviderControl.PutAsync);
        control.MapPost("/idp/tokens", IdentityProviderControl.MintAsync);
    }
}
