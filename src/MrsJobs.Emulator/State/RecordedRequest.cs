using System;
using System.Collections.Generic;
using System.Threading;

namespace MrsJobs.Emulator.State;

/// <summary>One IAM or MRS request the emulator received, as the client sent it.</summary>
public sealed class RecordedRequest
{
    private int status;

    /// <summary>Creates a record; the status is filled in when the response is done.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, without the query.</param>
    /// <param name="query">The query string without the leading <c>?</c> (empty when none).</param>
    /// <param name="headers">The request headers (repeated headers joined with <c>, </c>).</param>
    /// <param name="body">The raw body text (empty when none).</param>
    /// <param name="receivedAt">When it arrived, on the emulator clock.</param>
    public RecordedRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt)
    {
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, without the query.</summary>
    public string Path { get; }

    /// <summary>The query string without the leading <c>?</c>.</summary>
    public string Query { get; }

    /// <summary>The request headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body text.</summary>
    public string Body { get; }

    /// <summary>When the request arrived, on the emulator clock (for tests of pacing and back-off).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The response status code; 0 while the request is still being answered, or when the connection was dropped without an answer.</summary>
    public int Status
    {
        get => Volatile.Read(ref status);
        internal set => Volatile.Write(ref status, value);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : string.Empty)} → {Status}";
}
