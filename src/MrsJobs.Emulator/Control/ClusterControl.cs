using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/clusters</c>: list, add or replace, remove.</summary>
internal static class ClusterControl
{
    public static IResult List(EmulatorState state) =>
        ControlJson.Ok(state.Clusters.GetAll().Select(View));

    public static async Task<IResult> PutAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<ClusterBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.ClusterId) || string.IsNullOrEmpty(body.ProjectId))
        {
            return ControlJson.BadRequest("cluster_id and project_id are required.");
        }

        var components = new List<ClusterComponent>();
        foreach (var name in body.Components ?? new[] { nameof(ClusterComponent.Hadoop) })
        {
            if (!Enum.TryParse<ClusterComponent>(name, ignoreCase: true, out var component) || !Enum.IsDefined(component))
            {
                return ControlJson.BadRequest($"Unknown component '{name}': use {string.Join(", ", Enum.GetNames<ClusterComponent>())}.");
            }

            components.Add(component);
        }

        var cluster = new EmulatorCluster(
            body.ClusterId,
            body.ProjectId,
            components,
            body.State ?? SeedData.RunningState,
            body.UnsynchronizedUsers ?? new[] { SeedData.UnsyncedUserName });
        state.Clusters.Put(cluster);
        return ControlJson.Ok(View(cluster));
    }

    public static IResult Remove([FromRoute(Name = "cluster_id")] string clusterId, EmulatorState state) =>
        state.Clusters.Remove(clusterId)
            ? Results.NoContent()
            : Http.GatewayErrors.Canonical(StatusCodes.Status404NotFound, "EMULATOR.0404", $"No cluster {clusterId}.");

    private static ClusterView View(EmulatorCluster cluster) => new(
        cluster.ClusterId,
        cluster.ProjectId,
        cluster.Components.OrderBy(c => c).Select(c => c.ToString()).ToArray(),
        cluster.State,
        cluster.UnsynchronizedUsers.OrderBy(u => u, StringComparer.Ordinal).ToArray());
}
