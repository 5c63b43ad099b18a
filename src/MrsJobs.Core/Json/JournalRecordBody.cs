using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>
/// One line of a submission journal (JSON lines, snake_case). The <c>type</c> member comes first and says which
/// record the line is: <c>journal</c> (the header), <c>intent</c> or <c>outcome</c>. No line ever carries argument
/// or property values: a row's job is identified by its definition hash only.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JournalHeaderBody), "journal")]
[JsonDerivedType(typeof(JournalIntentBody), "intent")]
[JsonDerivedType(typeof(JournalOutcomeBody), "outcome")]
internal abstract class JournalRecordBody
{
}

/// <summary>The first line of every journal: <c>{"type":"journal","version":1,"created":"…","tool":"MrsJobs"}</c>.</summary>
internal sealed class JournalHeaderBody : JournalRecordBody
{
    /// <summary>The journal format's version; this module writes and reads version 1.</summary>
    [JsonPropertyName("version")]
    public int Version { get; set; }

    /// <summary>When the journal was created, UTC, ISO 8601 with milliseconds.</summary>
    [JsonPropertyName("created")]
    public string? Created { get; set; }

    /// <summary>The tool that wrote the journal: <c>MrsJobs</c>.</summary>
    [JsonPropertyName("tool")]
    public string? Tool { get; set; }
}

/// <summary>Written and flushed to disk before a row's job is sent.</summary>
internal sealed class JournalIntentBody : JournalRecordBody
{
    /// <summary>The input row number, from 1.</summary>
    [JsonPropertyName("row")]
    public int Row { get; set; }

    /// <summary>The row's job definition hash (lowercase hex SHA-256).</summary>
    [JsonPropertyName("hash")]
    public string? Hash { get; set; }

    /// <summary>The cluster the job is sent to.</summary>
    [JsonPropertyName("cluster_id")]
    public string? ClusterId { get; set; }

    /// <summary>The job name, so that a person (and the reconciliation) can find the job on the cluster.</summary>
    [JsonPropertyName("job_name")]
    public string? JobName { get; set; }

    /// <summary>The job type, in the API's spelling.</summary>
    [JsonPropertyName("job_type")]
    public string? JobType { get; set; }

    /// <summary>When the request was about to be sent, UTC, ISO 8601 with milliseconds.</summary>
    [JsonPropertyName("at")]
    public string? At { get; set; }
}

/// <summary>What became of a row. Every member is written, null or not, so that all outcome lines look alike.</summary>
internal sealed class JournalOutcomeBody : JournalRecordBody
{
    /// <summary>The input row number, from 1.</summary>
    [JsonPropertyName("row")]
    public int Row { get; set; }

    /// <summary>The row's job definition hash (lowercase hex SHA-256).</summary>
    [JsonPropertyName("hash")]
    public string? Hash { get; set; }

    /// <summary>The outcome: <c>accepted</c>, <c>reconciled</c>, <c>refused</c>, <c>not_sent</c>, <c>unknown</c> or <c>invalid</c>.</summary>
    [JsonPropertyName("outcome")]
    public string? Outcome { get; set; }

    /// <summary>The job id the service gave, when it gave one.</summary>
    [JsonPropertyName("job_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? JobId { get; set; }

    /// <summary>The submit state the service gave, when it gave one.</summary>
    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? State { get; set; }

    /// <summary>The project the job was sent to.</summary>
    [JsonPropertyName("project_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ProjectId { get; set; }

    /// <summary>When the outcome was known, UTC, ISO 8601 with milliseconds.</summary>
    [JsonPropertyName("at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? At { get; set; }

    /// <summary>The service's or the client's error code, for outcomes other than accepted.</summary>
    [JsonPropertyName("error_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ErrorCode { get; set; }

    /// <summary>A secret-free message from the caller.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Message { get; set; }
}
