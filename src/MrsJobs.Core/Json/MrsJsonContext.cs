using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MrsJobs.Core.Json;

/// <summary>Source-generated serializers for every wire model: no reflection, trimming-safe, fast first call.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitJobRequestBody))]
[JsonSerializable(typeof(SubmitJobResponseBody))]
[JsonSerializable(typeof(JobListResponseBody))]
[JsonSerializable(typeof(JobDetailResponseBody))]
[JsonSerializable(typeof(BatchDeleteRequestBody))]
[JsonSerializable(typeof(IamAuthRequestBody))]
[JsonSerializable(typeof(IamTokenResponseBody))]
[JsonSerializable(typeof(IamProjectsResponseBody))]
[JsonSerializable(typeof(JournalRecordBody))]
[JsonSerializable(typeof(MetadataSecurityKeyBody))]
[JsonSerializable(typeof(MetadataInstanceBody))]
[JsonSerializable(typeof(IamIdTokenRequestBody))]
internal sealed partial class MrsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the client uses: non-ASCII text (Chinese paths, names) is written as is rather
    /// than as \u escapes, as the service's own examples do. Numbers are also read from numeric strings, so an answer
    /// that quotes times or progress still reads.
    /// </summary>
    public static MrsJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
