using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Validation;

namespace MrsJobs.Core.Api;

/// <summary>What every call of the job API shares: the URL, the expiry check, reading answers and turning refusals into errors.</summary>
internal sealed partial class MrsJobClient
{
    /// <summary>Sends to <c>/v2/{project}/clusters/{cluster}/job-executions{suffix}</c>, with <c>Content-Type: application/json</c> whether or not there is a body.</summary>
    private Task<ApiResponse> SendAsync(HttpMethod method, string clusterId, string suffix, string? json, RequestKind kind, CallContext context, Func<string, bool>? expectsBody = null)
    {
        EnsureNotExpired();
        RequireId(clusterId, "cluster");
        var uri = new Uri(_session.Endpoint, $"v2/{Escape(_session.ProjectId)}/clusters/{Escape(clusterId)}/job-executions{suffix}");
        return _pipeline.SendAsync(new ApiRequest(method, uri, json, kind, expectsBody) { JsonContentTypeWithoutBody = true }, context);
    }

    private void EnsureNotExpired()
    {
        if (_session.IsForgotten)
        {
            throw DisconnectedSession.Error();
        }

        if (_session.IsExpired)
        {
            throw new MrsApiException(
                $"The session's token expired at {_session.ExpiresAt:u}, and a session made from -Token cannot renew itself. Run Connect-MrsProject again (with a new -Token, or with -Credential so that the token is renewed as needed).",
                MrsErrorKind.TokenExpired,
                errorId: ErrorIds.SessionExpired);
        }
    }

    /// <summary>
    /// The error for an answer that is not what was asked for. <paramref name="what"/> completes
    /// "MRS refused …": a job ("SparkSql job 'x' on cluster c") or an action ("to stop job j on cluster c").
    /// </summary>
    private MrsApiException Refusal(ApiResponse response, string what, string clusterId)
    {
        var classification = response.Classification;
        var error = classification.Error;
        var code = error.ErrorCode;
        var info = MrsErrorCatalog.Describe(code, response.StatusCode, error.Message);
        var outcome = classification.Failure ?? RequestOutcome.Refused;
        var serviceMessage = error.Message ?? (response.IsSuccess ? "the answer could not be read" : $"HTTP {(int)response.StatusCode}");
        var kind = response.IsSuccess && code is null ? MrsErrorKind.Protocol : classification.Kind;
        var signatureRefused = _session.AuthMethod == AuthMethod.AccessKey && kind is MrsErrorKind.Authentication or MrsErrorKind.TokenExpired;
        var advice = signatureRefused ? MrsErrorCatalog.SignatureAdvice : MrsErrorCatalog.FormatAdvice(info.Advice, clusterId, _session.ProjectId);
        var prefix = code is null ? string.Empty : code + " ";
        var message = outcome == RequestOutcome.Unknown
            ? $"MRS gave no usable answer to {what} (HTTP {(int)response.StatusCode}): {MessageText.Sentence(serviceMessage)}"
            : $"MRS refused {what}: {prefix}{MessageText.Sentence(serviceMessage)}";
        return new MrsApiException(message, kind, response.StatusCode, code, error.Message, response.RequestId ?? error.RequestId, advice, outcome: outcome);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    // Ids are path segments: one that could change the path ('..', '/', '%2F') is refused before anything is sent.
    private static string RequireId(string id, string what)
    {
        if (ResourceIdRule.Problem(id) is { } problem)
        {
            throw new MrsApiException(
                $"'{Validation.JobDefinitionValidator.Shorten(id ?? string.Empty)}' is not a {what} id: {problem}. Nothing was sent.",
                MrsErrorKind.InvalidArgument,
                errorId: what == "job" ? ErrorIds.InvalidJobId : ErrorIds.InvalidClusterId,
                outcome: RequestOutcome.NotSent);
        }

        return id;
    }
}
