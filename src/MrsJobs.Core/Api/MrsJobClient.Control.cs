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
        EnsureAccepted(response, $"to stop job {jobId} on cluster {clusterId}", clusterId);
    }

    /// <summary><c>POST …/job-executions/batch-delete</c> <c>{"job_id_list":[…]}</c>; 200 with no body when done.</summary>
    /// <exception cref="MrsApiException">The service refused the batch or could not be reached.</exception>
    public async Task DeleteJobsAsync(string clusterId, IReadOnlyCollection<string> jobIds, CallContext context)
    {
        var json = JsonSerializer.Serialize(new BatchDeleteRequestBody { JobIdList = jobIds.ToList() }, MrsJsonContext.Wire.BatchDeleteRequestBody);
        var response = await SendAsync(HttpMethod.Post, clusterId, "/batch-delete", json, RequestKind.Delete, context).ConfigureAwait(false);
        var what = jobIds.Count == 1 ? $"to delete job {jobIds.First()}" : $"to delete {jobIds.Count} jobs";
        EnsureAccepted(response, what + $" on cluster {clusterId}", clusterId);
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
