using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Api;

/// <summary>What every call of the job API shares: the URL, the expiry check, reading answers and turning refusals into errors.</summary>
public sealed partial class MrsJobClient
{
    /// <summary>Sends to <c>/v2/{project}/clusters/{cluster}/job-executions{suffix}</c>.</summary>
    private Task<ApiResponse> SendAsync(HttpMethod method, string clusterId, string suffix, string? json, CancellationToken cancellationToken)
    {
        EnsureNotExpired();
        var uri = new Uri(_session.Endpoint, $"v2/{Escape(_session.ProjectId)}/clusters/{Escape(clusterId)}/job-executions{suffix}");
        return _pipeline.SendAsync(method, uri, json, cancellationToken);
    }

    private void EnsureNotExpired()
    {
        if (_session.IsForgotten)
        {
            throw new MrsApiException(
                "This session was disconnected (Disconnect-MrsProject) and has forgotten its credentials. Run Connect-MrsProject again.",
                MrsErrorKind.Authentication,
                errorId: "MrsSessionDisconnected");
        }

        if (_session.IsExpired)
        {
            throw new MrsApiException(
                $"The session's token expired at {_session.ExpiresAt:u}, and a session made from -Token cannot renew itself. Run Connect-MrsProject again (with a new -Token, or with -Credential so that the token is renewed as needed).",
                MrsErrorKind.TokenExpired,
                errorId: "MrsSessionExpired");
        }
    }

    /// <summary>
    /// The error for an answer that is not what was asked for. <paramref name="what"/> completes
    /// "MRS refused …": a job ("SparkSql job 'x' on cluster c") or an action ("to stop job j on cluster c").
    /// </summary>
    private MrsApiException Refusal(ApiResponse response, string what, string clusterId)
    {
        var error = ApiErrorParser.Parse(response.Body);
        var code = error.ErrorCode;
        var info = MrsErrorCatalog.Describe(code, response.StatusCode, error.Message);
        var serviceMessage = error.Message ?? (response.IsSuccess ? "the answer could not be read" : $"HTTP {(int)response.StatusCode}");
        var kind = response.IsSuccess && code is null ? MrsErrorKind.Protocol : info.Kind;
        var signatureRefused = _session.AuthMethod == AuthMethod.AccessKey && kind is MrsErrorKind.Authentication or MrsErrorKind.TokenExpired;
        var advice = signatureRefused ? MrsErrorCatalog.SignatureAdvice : MrsErrorCatalog.FormatAdvice(info.Advice, clusterId, _session.ProjectId);
        var prefix = code is null ? string.Empty : code + " ";
        var message = $"MRS refused {what}: {prefix}{MessageText.Sentence(serviceMessage)}";
        return new MrsApiException(message, kind, response.StatusCode, code, error.Message, response.RequestId ?? error.RequestId, advice);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
