using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>The SubmitJobV2 answer: <c>{"job_submit_result":{…}}</c>, with the error fields that may sit at either level.</summary>
internal sealed class SubmitJobResponseBody
{
    [JsonPropertyName("job_submit_result")]
    public SubmitJobResultBody? JobSubmitResult { get; set; }

    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }
}

/// <summary>The inner <c>job_submit_result</c> object.</summary>
internal sealed class SubmitJobResultBody
{
    [JsonPropertyName("job_id")]
    public string? JobId { get; set; }

    [JsonPropertyName("state")]
    public string? State { get; set; }

    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }
}
