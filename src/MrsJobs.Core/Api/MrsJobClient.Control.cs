using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Api;

/// <summary>Changing jobs: stop (StopJob) and delete (BatchDeleteJobs).</summary>
internal sealed partial class MrsJobClient
{
    /// <summary><c>POST …/job-executions/{job_execution_id}/kill</c>, no body; 202 when accepted.</summary>
    /// <exception cref="MrsApiException">The service refused (for example <c>0175</c> for a job that already ended) or could not be reached.</exception>
    public async Task KillJobAsync(string clusterId, string jobId, CallContext context)
    {
        var response = await SendAsync(HttpMethod.Post, clusterId, "/" + Escape(RequireId(jobId, "job")) + "/kill", null, RequestKind.Kill, context).ConfigureAwait(false);
        if (response.FollowsLostAnswer && !response.Classification.IsSuccess && await WasKilledAsync(clusterId, jobId, context).ConfigureAwait(false))
        {
            context.Trace.Verbose($"Job {jobId}: the answer to the first stop was lost and the retry was refused, but the job is KILLED: the first stop worked.");
            return;
        }

        EnsureAccepted(response, $"to stop job {jobId} on cluster {clusterId}", clusterId);
    }

    /// <summary><c>POST …/job-executions/batch-delete</c> <c>{"job_id_list":[…]}</c>; 200 with no body when done.</summary>
    /// <exception cref="MrsApiException">The service refused the batch or could not be reached.</exception>
    public async Task DeleteJobsAsync(string clusterId, IReadOnlyCollection<string> jobIds, CallContext context)
    {
        var json = JsonSerializer.Serialize(new BatchDeleteRequestBody { JobIdList = jobIds.ToList() }, MrsJsonContext.Wire.BatchDeleteRequestBody);
        var response = await SendAsync(HttpMethod.Post, clusterId, "/batch-delete", json, RequestKind.Delete, context).ConfigureAwait(false);
        if (response.FollowsLostAnswer && !response.Classification.IsSuccess && await AreAllGoneAsync(clusterId, jobIds, context).ConfigureAwait(false))
        {
            context.Trace.Verbose($"The answer to the first batch-delete was lost and the retry was refused, but none of its {jobIds.Count} job(s) exists any more: the first delete worked.");
            return;
        }

        var what = jobIds.Count == 1 ? $"to delete job {jobIds.First()}" : $"to delete {jobIds.Count} jobs";
        EnsureAccepted(response, what + $" on cluster {clusterId}", clusterId);
    }

    // After a lost answer, a refused repeat may only mean the first request did its work.
    private async Task<bool> WasKilledAsync(string clusterId, string jobId, CallContext context)
    {
        try
        {
            var job = await GetJobAsync(clusterId, jobId, context).ConfigureAwait(false);
            return string.Equals(job.State, Models.JobStates.Killed, System.StringComparison.OrdinalIgnoreCase)
                || string.Equals(job.Result, Models.JobResults.Killed, System.StringComparison.OrdinalIgnoreCase);
        }
        catch (MrsApiException)
        {
            return false;
        }
    }

    private async Task<bool> AreAllGoneAsync(string clusterId, IReadOnlyCollection<string> jobIds, CallContext context)
    {
        foreach (var jobId in jobIds)
        {
            try
            {
                await GetJobAsync(clusterId, jobId, context).ConfigureAwait(false);
                return false;
            }
            catch (MrsApiException ex) when (ex.Kind == MrsErrorKind.NotFound)
            {
            }
            catch (MrsApiException)
            {
                return false;
            }
        }

        return true;
    }

    // A 2xx is success unless its body carries an error code (the service has answered refusals with 2xx before).
    private void EnsureAccepted(ApiResponse response, string what, string clusterId)
    {
        if (!response.Classification.IsSuccess)
        {
            throw Refusal(response, what, clusterId);
        }
    }
}
