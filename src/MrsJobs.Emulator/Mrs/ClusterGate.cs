using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// Whether a cluster admits a job, checked in the documented order: the cluster exists in the
/// project (404 12000003), it is running (0056), the user is synchronized (0192), the job type's
/// component is installed (0057 / 0168 / 0169).
/// </summary>
internal static class ClusterGate
{
    public const string UnsynchronizedUserMessage = "The user does not exist on MRS Manager. Synchronize IAM users first.";

    /// <summary>Returns the refusal, or <see langword="null"/> when the job may be submitted.</summary>
    public static Http.JsonReply? Check(EmulatorState state, string projectId, string clusterId, string userName, string jobType)
    {
        if (CheckExists(state, projectId, clusterId) is { } missing)
        {
            return missing;
        }

        var cluster = state.Clusters.Find(clusterId)!;
        if (!cluster.IsRunning)
        {
            return MrsErrors.SubmitRefused(
                "0056",
                $"The cluster state does not allow jobs to be submitted: the cluster is {cluster.State}.");
        }

        if (cluster.UnsynchronizedUsers.Contains(userName))
        {
            return MrsErrors.SubmitRefused("0192", UnsynchronizedUserMessage);
        }

        var requirement = JobTypes.RequirementOf(jobType);
        return cluster.Components.Contains(requirement.Component)
            ? null
            : MrsErrors.SubmitRefused(requirement.ErrorCode, requirement.ErrorMsg);
    }

    /// <summary>404 12000003 unless the cluster exists in the project, in any state (the lifecycle endpoints need no more).</summary>
    public static Http.JsonReply? CheckExists(EmulatorState state, string projectId, string clusterId)
    {
        var cluster = state.Clusters.Find(clusterId);
        return cluster is null || cluster.ProjectId != projectId
            ? Http.GatewayErrors.Canonical(404, "12000003", $"The cluster does not exist: {clusterId}")
            : null;
    }
}
