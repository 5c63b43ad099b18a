using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Auth;

/// <summary>
/// Finds the project id of a region for any credentials, as the SDKs do for AK/SK:
/// <c>GET {iam}/v3/projects?name={region}</c>, where exactly one project is expected.
/// </summary>
internal static class IamProjectLookup
{
    public static async Task<string> FindProjectIdAsync(MrsHttpPipeline pipeline, Uri iamEndpoint, string projectName, CallContext context)
    {
        var uri = new Uri(iamEndpoint, "v3/projects?name=" + Uri.EscapeDataString(projectName));
        var response = await pipeline.SendAsync(HttpMethod.Get, uri, null, context).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var error = ApiErrorParser.Parse(response.Body);
            var info = MrsErrorCatalog.Describe(error.ErrorCode, response.StatusCode, error.Message);
            var advice = info.Kind is MrsErrorKind.Authentication or MrsErrorKind.TokenExpired ? MrsErrorCatalog.SignatureAdvice : null;
            return Throw($"IAM refused the project lookup for '{projectName}' (HTTP {(int)response.StatusCode}): {MessageText.Sentence(error.Message ?? response.StatusCode.ToString())}", info.Kind, response, error, advice, ErrorIds.IamProjectLookupFailed);
        }

        var ids = WireReader.TryRead(response.Body, MrsJsonContext.Wire.IamProjectsResponseBody)?.Projects?
            .Where(p => p?.Id is { Length: > 0 } && string.Equals(p.Name, projectName, StringComparison.Ordinal))
            .Select(p => p!.Id!)
            .Distinct()
            .ToList();
        return ids switch
        {
            null => Throw($"IAM answered the project lookup for '{projectName}' with a body that is not a project list.", MrsErrorKind.Protocol, response, null, null, ErrorIds.IamInvalidResponse),
            { Count: 0 } => Throw($"IAM has no project named '{projectName}' in the account of this access key.", MrsErrorKind.NotFound, response, null, "Check -Region, or give -ProjectId.", ErrorIds.IamProjectNotFound),
            { Count: 1 } => ids[0],
            _ => Throw($"IAM has {ids.Count} projects named '{projectName}' ({string.Join(", ", ids)}).", MrsErrorKind.InvalidArgument, response, null, "Give -ProjectId to choose one.", ErrorIds.IamProjectAmbiguous),
        };
    }

    private static string Throw(string message, MrsErrorKind kind, ApiResponse response, ApiErrorBody? error, string? advice, string errorId) =>
        throw new MrsApiException(message, kind, response.StatusCode, error?.ErrorCode, error?.Message, response.RequestId ?? error?.RequestId, advice, errorId: errorId);
}
