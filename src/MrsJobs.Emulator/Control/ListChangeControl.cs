using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>
/// <c>/_emulator/list-changes</c>: queue job additions and deletions to happen right after the Nth job list
/// request from now, so a test can change the list while a client pages through it.
/// </summary>
internal static class ListChangeControl
{
    public static IResult List(EmulatorState state) => ControlJson.Ok(state.ListChanges.GetAll());

    public static IResult Clear(EmulatorState state)
    {
        state.ListChanges.Clear();
        return Results.NoContent();
    }

    public static async Task<IResult> AddAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<ListChangeBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        var cluster = body.ClusterId ?? SeedData.FullClusterId;
        var add = body.Add is { } jobs ? jobs with { ClusterId = jobs.ClusterId ?? cluster, SubmittedTime = null } : null;
        var deleteIds = body.DeleteJobIds ?? Array.Empty<string>();
        var error = body.AfterLists is not >= 1 ? "after_lists must be 1 or more."
            : body.DeleteNewest is < 0 ? "delete_newest must be at least 0."
            : add is null && (body.DeleteNewest ?? 0) == 0 && deleteIds.Count == 0 ? "Give add, delete_newest or delete_job_ids."
            : state.Clusters.Find(cluster) is null ? $"No cluster {cluster}."
            : add is null ? null
            : JobControl.Check(add, state);
        if (error is not null)
        {
            return ControlJson.BadRequest(error);
        }

        var change = new ListChange(body.AfterLists!.Value, body.ClusterId, add?.Count ?? (add is null ? 0 : 1), body.DeleteNewest ?? 0, deleteIds);
        state.ListChanges.Add(change, () => Apply(state, cluster, change, add));
        return ControlJson.Ok(change, StatusCodes.Status201Created);
    }

    // Deletions first (they name jobs that exist now), then the additions, submitted now: the newest jobs.
    private static void Apply(EmulatorState state, string cluster, ListChange change, JobsBody? add)
    {
        var doomed = new List<string>(change.DeleteJobIds);
        doomed.AddRange(state.Jobs.GetOnCluster(cluster)
            .OrderByDescending(j => j.SubmittedAt)
            .Take(change.DeleteNewest)
            .Select(j => j.JobId));
        state.Jobs.RemoveAllOrNone<object>(doomed.Where(id => state.Jobs.Find(id) is not null).Distinct().ToList(), (_, _) => null);
        if (add is not null)
        {
            JobControl.Store(add, state);
        }
    }
}
