using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>The list answer: <c>{"total_record":N,"job_list":[…]}</c>.</summary>
internal sealed class JobListResponseBody
{
    [JsonPropertyName("total_record")]
    public long? TotalRecord { get; set; }

    [JsonPropertyName("job_list")]
    public List<JobQueryBeanBody?>? JobList { get; set; }
}

/// <summary>The detail answer: <c>{"job_detail":{…}}</c>.</summary>
internal sealed class JobDetailResponseBody
{
    [JsonPropertyName("job_detail")]
    public JobQueryBeanBody? JobDetail { get; set; }
}

/// <summary>The batch-delete request: <c>{"job_id_list":[…]}</c>.</summary>
internal sealed class BatchDeleteRequestBody
{
    [JsonPropertyName("job_id_list")]
    public List<string> JobIdList { get; set; } = new();
}
