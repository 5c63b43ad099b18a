using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>A response read to the end: status, headers, text and parsed JSON.</summary>
public sealed class Reply
{
    private readonly Dictionary<string, string> headers;

    private Reply(int status, Dictionary<string, string> headers, string text)
    {
        Status = status;
        this.headers = headers;
        Text = text;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The body text.</summary>
    public string Text { get; }

    /// <summary>The body as JSON (fails the test when it is not JSON).</summary>
    public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();

    /// <summary>The <c>error_code</c> of a canonical body.</summary>
    public string? ErrorCode => Json.GetProperty("error_code").GetString();

    /// <summary>The <c>error_msg</c> of a canonical body.</summary>
    public string? ErrorMsg => Json.GetProperty("error_msg").GetString();

    /// <summary>The <c>error_code</c> nested in <c>job_submit_result</c>.</summary>
    public string? SubmitErrorCode => Json.GetProperty("job_submit_result").GetProperty("error_code").GetString();

    /// <summary>Reads a response.</summary>
    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), System.StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, all, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A response header, or <see langword="null"/>.</summary>
    public string? Header(string name) => headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Asserts a 400 12000002 whose message starts with <c>Invalid parameter: {field}:</c>.</summary>
    public void AssertInvalidParameter(string field)
    {
        Assert.Equal(400, Status);
        Assert.Equal("12000002", ErrorCode);
        Assert.StartsWith($"Invalid parameter: {field}:", ErrorMsg);
    }

    /// <summary>Asserts IAM's error body <c>{"error":{"code":…,"message":…,"title":…}}</c> and the same status.</summary>
    public void AssertIamError(int code, string title, string message)
    {
        Assert.Equal(code, Status);
        var error = Json.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(title, error.GetProperty("title").GetString());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Status} {Text}";
}
