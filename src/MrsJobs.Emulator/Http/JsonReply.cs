using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MrsJobs.Emulator.Http;

/// <summary>
/// A JSON response written exactly as built (member order kept, non-ASCII text unescaped), with
/// optional extra headers. IAM and MRS wire bodies go through here so their shape is explicit.
/// </summary>
internal sealed class JsonReply : IResult
{
    private static readonly JsonSerializerOptions WireOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly int status;
    private readonly JsonNode body;
    private readonly IReadOnlyList<KeyValuePair<string, string>> headers;

    private JsonReply(int status, JsonNode body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /// <summary>Serialises a node as the wire does.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(WireOptions);

    /// <summary>A reply with a status and a body.</summary>
    public static JsonReply Create(int status, JsonNode body) => new(status, body, Array.Empty<KeyValuePair<string, string>>());

    /// <summary>A copy of this reply with one more response header.</summary>
    public JsonReply WithHeader(string name, string value)
    {
        var all = new List<KeyValuePair<string, string>>(headers) { new(name, value) };
        return new JsonReply(status, body, all);
    }

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        foreach (var header in headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        response.ContentType = "application/json;charset=UTF-8";
        return response.WriteAsync(Serialize(body), Encoding.UTF8, httpContext.RequestAborted);
    }
}
