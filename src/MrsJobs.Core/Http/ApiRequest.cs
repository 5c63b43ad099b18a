using System;
using System.Net.Http;

namespace MrsJobs.Core.Http;

/// <summary>One request to send through <see cref="MrsHttpPipeline"/>, with what it does (for the retry policy) and what a good answer looks like.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, Uri uri, string? jsonBody, RequestKind kind, Func<string, bool>? expectsBody = null)
    {
        Method = method;
        Uri = uri;
        JsonBody = jsonBody;
        Kind = kind;
        ExpectsBody = expectsBody;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public string? JsonBody { get; }

    public RequestKind Kind { get; }

    /// <summary>
    /// Whether <c>Content-Type: application/json</c> goes with the request even without a body, as the official
    /// SDKs send it on every MRS call (the Go SDK's request definitions set it on GETs too). AK/SK signing covers it.
    /// </summary>
    public bool JsonContentTypeWithoutBody { get; init; }

    /// <summary>Whether a 2xx body is the one asked for; <c>null</c> when any 2xx will do.</summary>
    public Func<string, bool>? ExpectsBody { get; }

    /// <summary>Method and path without the query, for messages.</summary>
    public string Describe() => $"{Method} {Uri.GetLeftPart(UriPartial.Path)}";
}
