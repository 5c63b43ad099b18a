using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Api;

/// <summary>
/// The MRS job API for one session. Calls go through the session's <see cref="MrsHttpPipeline"/>.
/// This file submits; reading, controlling and SQL results are in the other parts of the class.
/// </summary>
public sealed partial class MrsJobClient
{
    private readonly MrsSession _session;
    private readonly MrsHttpPipeline _pipeline;

    /// <summary>Creates a client for <paramref name="session"/> that traces to <paramref name="trace"/>.</summary>
    public MrsJobClient(MrsSession session, IHttpTraceSink? trace, string userAgent)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _pipeline = new MrsHttpPipeline(session.Authenticator, trace, userAgent);
    }

    /// <summary>SubmitJobV2: <c>POST /v2/{project_id}/clusters/{cluster_id}/job-executions</c>.</summary>
    /// <returns>The accepted job.</returns>
    /// <exception cref="MrsApiException">The service refused the job, or could not be reached.</exception>
    public async Task<JobSubmitResult> SubmitJobAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        if (job is null)
        {
            throw new ArgumentNullException(nameof(job));
        }

        var json = JsonSerializer.Serialize(ToBody(job), MrsJsonContext.Wire.SubmitJobRequestBody);
        var response = await SendAsync(HttpMethod.Post, job.ClusterId, string.Empty, json, cancellationToken).ConfigureAwait(false);
        var parsed = WireReader.TryRead(response.Body, MrsJsonContext.Wire.SubmitJobResponseBody);
        var result = parsed?.JobSubmitResult;
        var refused = !response.IsSuccess
            || result is null
            || string.IsNullOrEmpty(result.JobId)
            || result.ErrorCode is { Length: > 0 }
            || IsFailedState(result.State);
        if (refused)
        {
            throw Refusal(response, $"{job.JobType} job '{job.JobName}' on cluster {job.ClusterId}", job.ClusterId);
        }

        return new JobSubmitResult(result!.JobId, result.State ?? SubmitStates.Complete, job.JobName, job.JobType, job.ClusterId, _session.ProjectId, DateTimeOffset.Now);
    }

    /// <summary>
    /// The wire body: exactly the four documented fields, always all four (empty arguments as <c>[]</c>,
    /// empty properties as <c>{}</c>, both of which the page allows: "可为空").
    /// </summary>
    internal static SubmitJobRequestBody ToBody(JobDefinition job) => new()
    {
        JobType = job.JobType,
        JobName = job.JobName,
        Arguments = job.Arguments.ToList(),
        Properties = job.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };

    private static bool IsFailedState(string? state) =>
        string.Equals(state, SubmitStates.Failed, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, SubmitStates.SubmitFailedAlias, StringComparison.OrdinalIgnoreCase);
}
