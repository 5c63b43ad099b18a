using System.Collections.Generic;
using System.Text.Json;

namespace MrsJobs.Emulator.Control;

/// <summary>
/// Body of <c>POST /_emulator/job-plans</c> and of <c>default_job_plan</c> in the settings, and their
/// replies. Durations in milliseconds; <c>result</c> SUCCEEDED or FAILED; <c>final_state</c> FINISHED or
/// FAILED; <c>sql_results</c> a JSON object (or null for the default rows).
/// </summary>
internal sealed record JobPlanBody(
    string? JobName,
    double? NewMs,
    double? AcceptedMs,
    double? RunningMs,
    string? Result,
    string? FinalState,
    JsonElement? SqlResults);

/// <summary>
/// Body of <c>POST /_emulator/jobs</c>: jobs stored without the submit path, for paging tests; <c>job_id</c> gives
/// a single job a known id (for documentation examples).
/// </summary>
internal sealed record JobsBody(
    string? JobId,
    int? Count,
    string? JobName,
    string? JobType,
    string? ClusterId,
    string? User,
    IReadOnlyList<string>? Arguments,
    IReadOnlyDictionary<string, string>? Properties,
    long? SubmittedTime,
    long? IntervalMs);

/// <summary>Reply of <c>POST /_emulator/jobs</c>: the new ids, oldest first.</summary>
internal sealed record JobsAdded(IReadOnlyList<string> JobIds);

/// <summary>An item of <c>GET /_emulator/jobs</c>; <c>submitted_time</c> is UTC epoch milliseconds, as MRS lists it.</summary>
internal sealed record JobView(
    string JobId,
    string ProjectId,
    string ClusterId,
    string JobType,
    string JobName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Properties,
    string User,
    long SubmittedTime,
    string JobState,
    string JobResult);

/// <summary>
/// Body of <c>POST /_emulator/list-changes</c>: after the <c>after_lists</c>th job list request from now (of
/// <c>cluster_id</c>, or of any cluster), delete <c>delete_job_ids</c> and the cluster's <c>delete_newest</c>
/// newest jobs, then <c>add</c> jobs as <c>POST /_emulator/jobs</c> does, submitted at that moment.
/// </summary>
internal sealed record ListChangeBody(
    int? AfterLists,
    string? ClusterId,
    JobsBody? Add,
    int? DeleteNewest,
    IReadOnlyList<string>? DeleteJobIds);
