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
internal sealed partial class MrsJobClient
{
    private readonly MrsSession _session;
    private readonly MrsHttpPipeline _pipeline;

    /// <summary>Creates the client of <paramref name="session"/> over its pipeline; the session builds one and keeps it.</summary>
    internal MrsJobClient(MrsSession session, MrsHttpPipeline pipeline)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
    }

    /// <summary>How far the service's clock is ahead of ours, from the latest answer's <c>Date</c> header; <c>null</c> until known.</summary>
    internal TimeSpan? ServerClockOffset => _pipeline.ServerClockOffset;

    /// <summary>SubmitJobV2: <c>POST /v2/{project_id}/clusters/{cluster_id}/job-executions</c>.</summary>
    /// <remarks>
    /// Retried only while the service certainly did not process it (no connection; 429, APIGW.0308, 0202,
    /// 0177, 12000060). Anything else unclear (a broken connection, a timeout, a 5xx page without a code, a
    /// 2xx that cannot be read) is thrown with <see cref="RequestOutcome.Unknown"/>: the job may exist.
    /// </remarks>
    /// <returns>The accepted job.</returns>
    /// <exception cref="MrsApiException">The service refused the job, or the outcome is not known (see <see cref="MrsApiException.Outcome"/>).</exception>
    public async Task<JobSubmitResult> SubmitJobAsync(JobDefinition job, CallContext context)
    {
        if (job is null)
        {
            throw new ArgumentNullException(nameof(job));
        }

        var json = JsonSerializer.Serialize(ToBody(job), MrsJsonContext.Wire.SubmitJobRequestBody);
        var what = $"{job.JobType} job '{job.JobName}' on cluster {job.ClusterId}";
        var response = await SendAsync(HttpMethod.Post, job.ClusterId, string.Empty, json, RequestKind.Submit, context, IsSubmitAnswer).ConfigureAwait(false);
        var result = ReadSubmitAnswer(response.Body);
        if (!response.Classification.IsSuccess || result is null || IsFailedState(result.State))
        {
            throw Refusal(response, what, job.ClusterId);
        }

        return new JobSubmitResult(job, result.JobId, result.State ?? SubmitStates.Complete, _session.ProjectId, _session.Clock.GetUtcNow());
    }

    // A readable answer names a job id, or says FAILED (a refusal that the classifier sees only as a 2xx).
    private static bool IsSubmitAnswer(string body) => ReadSubmitAnswer(body) is { } result
        && (!string.IsNullOrEmpty(result.JobId) || IsFailedState(result.State));

    private static SubmitJobResultBody? ReadSubmitAnswer(string body) =>
        WireReader.TryRead(body, MrsJsonContext.Wire.SubmitJobResponseBody)?.JobSubmitResult;

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
