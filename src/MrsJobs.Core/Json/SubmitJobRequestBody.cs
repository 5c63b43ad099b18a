using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>The SubmitJobV2 body on the wire: the four documented fields and nothing else.</summary>
internal sealed class SubmitJobRequestBody
{
    [JsonPropertyName("job_type")]
    public string JobType { get; set; } = string.Empty;

    [JsonPropertyName("job_name")]
    public string JobName { get; set; } = string.Empty;

    /// <summary>The arguments; <c>[]</c> when none.</summary>
    [JsonPropertyName("arguments")]
    public List<string>? Arguments { get; set; }

    /// <summary>The properties; <c>{}</c> when none.</summary>
    [JsonPropertyName("properties")]
    public Dictionary<string, string>? Properties { get; set; }
}
