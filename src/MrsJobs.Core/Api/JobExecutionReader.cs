using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MrsJobs.Core.Decoding;
using MrsJobs.Core.Json;
using MrsJobs.Core.Models;
using MrsJobs.Core.Security;
using MrsJobs.Core.Submission;

namespace MrsJobs.Core.Api;

/// <summary>Turns a wire <c>JobQueryBean</c> into a <see cref="JobExecution"/>: typed times, parsed texts, secrets hidden.</summary>
internal static class JobExecutionReader
{
    public static JobExecution Read(JobQueryBeanBody body, string clusterId, string projectId)
    {
        var job = new JobExecution
        {
            JobId = body.JobId ?? string.Empty,
            ClusterId = clusterId,
            ProjectId = projectId,
            JobName = body.JobName ?? string.Empty,
            JobType = body.JobType ?? string.Empty,
            User = body.User,
            Queue = body.Queue,
            State = Upper(body.JobState),
            Result = Upper(body.JobResult),
            Progress = body.JobProgress,
            SubmittedAt = Time(body.SubmittedTime),
            StartedAt = Time(body.StartedTime),
            FinishedAt = Time(body.FinishedTime),
            Elapsed = body.ElapsedTime is { } ms && ms >= 0 ? new JobDuration(TimeSpan.FromMilliseconds(ms)) : null,
            LauncherId = body.LauncherId,
            AppId = body.AppId,
            TrackingUrl = body.TrackingUrl,
        };
        ReadArguments(job, Text(body.Arguments));
        ReadProperties(job, Text(body.Properties));
        return job;
    }

    private static void ReadArguments(JobExecution job, string? text)
    {
        if (text is null)
        {
            return;
        }

        job.ArgumentsFingerprint = ArgumentsFingerprint.OfText(text);
        if (JavaToStringText.TryParseList(text, out var items))
        {
            job.Arguments = new JobArguments(Redactor.Arguments(items));
            job.ArgumentsText = JavaToStringText.FormatList(job.Arguments);
        }
        else
        {
            job.ArgumentsText = Redactor.Text(text);
        }
    }

    private static void ReadProperties(JobExecution job, string? text)
    {
        if (text is null)
        {
            return;
        }

        if (JavaToStringText.TryParseMap(text, out var pairs))
        {
            var shown = ShownDefinition.Properties(pairs);
            job.Properties = shown;
            job.PropertiesText = JavaToStringText.FormatMap(shown.Pairs);
        }
        else
        {
            // Not readable as a map: secret-looking key=value assignments in it are still hidden.
            job.PropertiesText = Redactor.Text(text);
        }
    }

    // The texts come as JSON strings; a service version that sends real arrays or objects gives their JSON text.
    private static string? Text(JsonElement? element) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => value.GetRawText(),
    };

    private static JobTime? Time(long? epochMilliseconds) =>
        epochMilliseconds is { } ms && ms > 0 ? new JobTime(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null;

    private static string Upper(string? value) => value?.Trim().ToUpperInvariant() ?? string.Empty;
}
