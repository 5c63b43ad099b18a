using System.Text.Json;
using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>
/// <c>JobQueryBean</c>, one job as the list and detail calls return it. Times are epoch milliseconds
/// (numbers, or numeric strings), <c>arguments</c>/<c>properties</c> are Java-toString texts
/// (kept as raw JSON values in case a service version sends real arrays and objects).
/// </summary>
internal sealed class JobQueryBeanBody
{
    [JsonPropertyName("job_id")]
    public string? JobId { get; set; }

    [JsonPropertyName("user")]
    public string? User { get; set; }

    [JsonPropertyName("job_name")]
    public string? JobName { get; set; }

    [JsonPropertyName("job_result")]
    public string? JobResult { get; set; }

    [JsonPropertyName("job_state")]
    public string? JobState { get; set; }

    [JsonPropertyName("job_progress")]
    public double? JobProgress { get; set; }

    [JsonPropertyName("job_type")]
    public string? JobType { get; set; }

    [JsonPropertyName("started_time")]
    public long? StartedTime { get; set; }

    [JsonPropertyName("submitted_time")]
    public long? SubmittedTime { get; set; }

    [JsonPropertyName("finished_time")]
    public long? FinishedTime { get; set; }

    [JsonPropertyName("elapsed_time")]
    public long? ElapsedTime { get; set; }

    [JsonPropertyName("arguments")]
    public JsonElement? Arguments { get; set; }

    [JsonPropertyName("properties")]
    public JsonElement? Properties { get; set; }

    [JsonPropertyName("launcher_id")]
    public string? LauncherId { get; set; }

    [JsonPropertyName("app_id")]
    public string? AppId { get; set; }

    [JsonPropertyName("tracking_url")]
    public string? TrackingUrl { get; set; }

    [JsonPropertyName("queue")]
    public string? Queue { get; set; }
}
