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

/// <summary>The MRS job API for one session. Calls go through the session's <see cref="MrsHttpPipeline"/>.</summary>
public sealed class MrsJobClient
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

        EnsureNotExpired();
        var uri = new Uri(_session.Endpoint, $"v2/{Escape(_session.ProjectId)}/clusters/{Escape(job.ClusterId)}/job-executions");
        var json = JsonSerializer.Serialize(ToBody(job), MrsJsonContext.Wire.SubmitJobRequestBody);
        var response = await _pipeline.SendAsync(HttpMethod.Post, uri, json, cancellationToken).ConfigureAwait(false);
        var parsed = TryRead(response.Body);
        var result = parsed?.JobSubmitResult;
        var refused = !response.IsSuccess
            || result is null
            || string.IsNullOrEmpty(result.JobId)
            || result.ErrorCode is { Length: > 0 }
            || IsFailedState(result.State);
        if (refused)
        {
            throw SubmitFailure(job, response);
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

    private void EnsureNotExpired()
    {
        if (_session.IsExpired)
        {
            throw new MrsApiException(
                $"The session's token expired at {_session.ExpiresAt:u}. Run Connect-MrsProject again.",
                MrsErrorKind.TokenExpired,
                errorId: "MrsSessionExpired");
        }
    }

    private MrsApiException SubmitFailure(JobDefinition job, ApiResponse response)
    {
        var error = ApiErrorParser.Parse(response.Body);
        var code = error.ErrorCode;
        var info = MrsErrorCatalog.Describe(code, response.StatusCode, error.Message);
        var serviceMessage = error.Message ?? (response.IsSuccess ? "the answer held no job id" : $"HTTP {(int)response.StatusCode}");
        var kind = response.IsSuccess && code is null ? MrsErrorKind.Protocol : info.Kind;
        var advice = MrsErrorCatalog.FormatAdvice(info.Advice, job.ClusterId, _session.ProjectId);
        var prefix = code is null ? string.Empty : code + " ";
        var message = $"MRS refused {job.JobType} job '{job.JobName}' on cluster {job.ClusterId}: {prefix}{MessageText.Sentence(serviceMessage)}";
        return new MrsApiException(message, kind, response.StatusCode, code, error.Message, response.RequestId ?? error.RequestId, advice);
    }

    private static bool IsFailedState(string? state) =>
        string.Equals(state, SubmitStates.Failed, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, SubmitStates.SubmitFailedAlias, StringComparison.OrdinalIgnoreCase);

    private static SubmitJobResponseBody? TryRead(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, MrsJsonContext.Wire.SubmitJobResponseBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
