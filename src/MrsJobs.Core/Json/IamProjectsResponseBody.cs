using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>IAM's project list: <c>{"projects":[{"id","name"}]}</c>.</summary>
internal sealed class IamProjectsResponseBody
{
    [JsonPropertyName("projects")]
    public List<IamNamed?>? Projects { get; set; }
}
