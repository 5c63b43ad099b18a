using System.Globalization;
using System.Text.Json.Nodes;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// A stored job as the show and list endpoints describe it (JobQueryBean), member order as the
/// documentation's examples: times in UTC epoch ms (0 until known), <c>arguments</c> and
/// <c>properties</c> as Java text, <c>app_id</c> once RUNNING was reached, <c>tracking_url</c> for
/// SparkSubmit jobs only (once there is an <c>app_id</c>).
/// </summary>
internal static class JobQueryBean
{
    /// <summary>The fixed YARN ResourceManager start time in application ids (<c>application_{this}_{number}</c>).</summary>
    public const long YarnClusterTimestamp = 1700000000000;

    /// <summary>Properties that name the YARN queue, first present wins; else <c>default</c>.</summary>
    private static readonly string[] QueueProperties =
    {
        "mapreduce.job.queuename", "spark.yarn.queue", "mapred.job.queue.name", "yarn.application.queue",
    };

    public static string QueueOf(StoredJob job)
    {
        foreach (var key in QueueProperties)
        {
            if (job.Properties.TryGetValue(key, out var queue) && !string.IsNullOrEmpty(queue))
            {
                return queue;
            }
        }

        return "default";
    }

    public static string ApplicationId(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"application_{YarnClusterTimestamp}_{number:0000}");

    public static JsonObject Describe(StoredJob job, JobStatus status)
    {
        var bean = new JsonObject
        {
            ["job_id"] = job.JobId,
            ["user"] = job.User,
            ["job_name"] = job.JobName,
            ["job_result"] = status.Result,
            ["job_state"] = status.State,
            ["job_progress"] = status.Progress,
            ["job_type"] = job.JobType,
            ["started_time"] = status.StartedTime,
            ["submitted_time"] = job.SubmittedAt.ToUnixTimeMilliseconds(),
            ["finished_time"] = status.FinishedTime,
            ["elapsed_time"] = status.ElapsedTime,
            ["queue"] = QueueOf(job),
            ["arguments"] = JavaText.OfList(job.Arguments),
            ["launcher_id"] = ApplicationId(job.ApplicationNumber),
        };
        if (status.HasStarted)
        {
            bean["app_id"] = ApplicationId(job.ApplicationNumber + 1);
        }

        bean["properties"] = JavaText.OfMap(job.Properties);
        if (status.HasStarted && job.JobType == "SparkSubmit")
        {
            bean["tracking_url"] = $"http://{job.ClusterId}.yarn.invalid:8088/proxy/{ApplicationId(job.ApplicationNumber + 1)}/";
        }

        return bean;
    }
}
