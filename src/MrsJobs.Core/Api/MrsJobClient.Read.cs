using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Api;

/// <summary>Reading jobs: one job (ShowSingleJobExe) and one page of a list (ShowJobExeListNew). Both answer 202.</summary>
internal sealed partial class MrsJobClient
{
    /// <summary><c>GET …/job-executions/{job_execution_id}</c>.</summary>
    /// <exception cref="MrsApiException">The job does not exist, or the service refused or could not be reached.</exception>
    public async Task<JobExecution> GetJobAsync(string clusterId, string jobId, CallContext context)
    {
        var response = await SendAsync(HttpMethod.Get, clusterId, "/" + Escape(RequireId(jobId, "job")), null, RequestKind.Read, context, body => ReadDetail(body) is not null).ConfigureAwait(false);
        var detail = response.Classification.IsSuccess ? ReadDetail(response.Body) : null;
        if (detail is null || string.IsNullOrEmpty(detail.JobId))
        {
            throw Refusal(response, $"to show job {jobId} on cluster {clusterId}", clusterId);
        }

        return JobExecutionReader.Read(detail, clusterId, _session.ProjectId);
    }

    private static JobQueryBeanBody? ReadDetail(string body) =>
        WireReader.TryRead(body, MrsJsonContext.Wire.JobDetailResponseBody)?.JobDetail is { JobId.Length: > 0 } detail ? detail : null;

    /// <summary><c>GET …/job-executions?…&amp;limit=&amp;offset=</c>: one page, as the service gives it (no filtering, no de-duplication).</summary>
    /// <param name="query">The filters and page size.</param>
    /// <param name="offset">The <c>offset</c> to send (see <see cref="OffsetMeanings"/> for what the service may take it to mean).</param>
    /// <param name="context">Trace sink and cancellation of the call.</param>
    /// <exception cref="MrsApiException">The service refused or could not be reached.</exception>
    internal async Task<JobListPage> ListJobsPageAsync(JobListQuery query, int offset, CallContext context)
    {
        var response = await SendAsync(HttpMethod.Get, query.ClusterId, "?" + query.ToQueryString(offset), null, RequestKind.Read, context, text => ReadList(text) is not null).ConfigureAwait(false);
        var body = response.Classification.IsSuccess ? ReadList(response.Body) : null;
        if (body is null)
        {
            throw Refusal(response, $"to list the jobs of cluster {query.ClusterId}", query.ClusterId);
        }

        var jobs = (body.JobList ?? new List<JobQueryBeanBody?>())
            .Where(j => j is not null && !string.IsNullOrEmpty(j.JobId))
            .Select(j => JobExecutionReader.Read(j!, query.ClusterId, _session.ProjectId))
            .ToList();
        return new JobListPage(body.TotalRecord, jobs);
    }

    /// <summary>What the session has learned about the list's <c>offset</c> at this endpoint.</summary>
    internal OffsetMeanings RecallOffsetMeanings() => _session.ListOffsets.Recall(_session.Endpoint);

    /// <summary>Keeps what a listing learned about the list's <c>offset</c> at this endpoint for the session.</summary>
    internal void RememberOffsetMeanings(OffsetMeanings possible) => _session.ListOffsets.Remember(_session.Endpoint, possible);

    private static JobListResponseBody? ReadList(string text) =>
        WireReader.TryRead(text, MrsJsonContext.Wire.JobListResponseBody) is { } body && (body.JobList is not null || body.TotalRecord is not null) ? body : null;
}

/// <summary>One page of a job list as the service returned it.</summary>
/// <param name="Total">The service's <c>total_record</c>, when given.</param>
/// <param name="Jobs">The jobs of the page, in the service's order.</param>
internal sealed record JobListPage(long? Total, IReadOnlyList<JobExecution> Jobs);
