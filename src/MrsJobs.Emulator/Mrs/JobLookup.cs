using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// Finds the job of a lifecycle URL: the cluster must exist in the project (404 12000003), and the job
/// must exist on that cluster of that project (else 0176, so another tenant's job ids reveal nothing).
/// </summary>
internal static class JobLookup
{
    /// <summary>
    /// A handler for a <c>…/job-executions/{job_execution_id}…</c> route that runs <paramref name="action"/>
    /// on the found job, unless a queued fault for <paramref name="operation"/> answers first.
    /// </summary>
    public static Delegate Route(FaultOperation operation, Func<EmulatorState, StoredJob, IResult> action) =>
        (HttpContext context,
         [FromRoute(Name = "project_id")] string projectId,
         [FromRoute(Name = "cluster_id")] string clusterId,
         [FromRoute(Name = "job_execution_id")] string jobId,
         EmulatorState state) =>
        Find(state, projectId, clusterId, jobId, out var refusal) is not { } job ? refusal!
        : FaultAnswers.Take(state, clusterId, operation) is { } fault ? FaultAnswers.Answer(context, state, fault)
        : action(state, job);

    public static StoredJob? Find(EmulatorState state, string projectId, string clusterId, string jobId, out JsonReply? refusal)
    {
        refusal = ClusterGate.CheckExists(state, projectId, clusterId);
        if (refusal is not null)
        {
            return null;
        }

        var job = state.Jobs.Find(jobId);
        if (job is null || !IsOn(job, projectId, clusterId))
        {
            refusal = MrsErrors.JobNotFound();
            return null;
        }

        return job;
    }

    public static bool IsOn(StoredJob job, string projectId, string clusterId) =>
        job.ProjectId == projectId && job.ClusterId == clusterId;
}
