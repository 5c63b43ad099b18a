using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// The query of <c>GET …/job-executions</c>, checked. An empty value (<c>job_name=</c>) counts as absent,
/// as SDKs send them. Unknown parameters are ignored.
/// </summary>
internal sealed record ListJobsQuery(
    string? JobName,
    string? JobId,
    string? User,
    string? JobType,
    string? JobState,
    string? JobResult,
    string? Queue,
    int Limit,
    int Offset,
    bool Descending,
    long? SubmittedTimeBegin,
    long? SubmittedTimeEnd)
{
    public const int DefaultLimit = 10;

    /// <summary>No maximum is documented for this API; its v1.1 predecessor allows 1 to 100 per page.</summary>
    public const int MaxLimit = 100;

    // The list's own rule for its name filter (the SDKs' ShowJobExeListNewRequest: 1-128 characters), wider than
    // submission's 1-64: a longer name is a valid filter that matches nothing.
    private static readonly Regex NameFilter = new("^[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant);

    private static readonly string[] States = { "NEW", "NEW_SAVING", "SUBMITTED", "ACCEPTED", "RUNNING", "FINISHED", "FAILED", "KILLED" };
    private static readonly string[] Results = { "UNDEFINED", "SUCCEEDED", "FAILED", "KILLED" };

    /// <summary>Reads the query; on failure returns null and the 400 to answer.</summary>
    /// <param name="query">The request's query.</param>
    /// <param name="firstOffset">The offset of the first page (0 or 1): also the default, and the smallest accepted.</param>
    /// <param name="refusal">The 400 to answer when the query is refused.</param>
    public static ListJobsQuery? Read(IQueryCollection query, int firstOffset, out JsonReply? refusal)
    {
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        refusal = null;
        var offsetText = Get("offset");
        if (offsetText is not null && (!int.TryParse(offsetText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) || offset < firstOffset))
        {
            refusal = MrsErrors.OffsetInvalid();
            return null;
        }

        offset = offsetText is null ? firstOffset : int.Parse(offsetText, CultureInfo.InvariantCulture);
        var error = Integer(Get("limit"), 1, MaxLimit, DefaultLimit, out var limit) ? null : $"limit: must be an integer from 1 to {MaxLimit}";
        var sortBy = Get("sort_by") ?? "desc";
        error ??= sortBy is "asc" or "desc" ? null : "sort_by: must be asc or desc";
        var jobType = Get("job_type");
        error ??= jobType is null || (JobTypes.All.Contains(jobType, StringComparer.Ordinal) && jobType != "SparkPython") ? null
            : jobType == "SparkPython" ? "job_type: SparkPython is not a valid filter; SparkPython jobs are listed as SparkSubmit"
            : $"job_type: must be one of {string.Join(", ", JobTypes.All.Where(t => t != "SparkPython"))}";
        var jobState = Get("job_state")?.ToUpperInvariant();
        error ??= jobState is null || States.Contains(jobState) ? null : $"job_state: must be one of {string.Join(", ", States)}";
        var jobResult = Get("job_result")?.ToUpperInvariant();
        error ??= jobResult is null || Results.Contains(jobResult) ? null : $"job_result: must be one of {string.Join(", ", Results)}";
        var jobName = Get("job_name");
        error ??= jobName is null || NameFilter.IsMatch(jobName) ? null : "job_name: must match ^[A-Za-z0-9_-]{1,128}$";
        var beginError = EpochMs(Get("submitted_time_begin"), "submitted_time_begin", out var begin);
        var endError = EpochMs(Get("submitted_time_end"), "submitted_time_end", out var end);
        error ??= beginError ?? endError;
        if (error is not null)
        {
            refusal = MrsErrors.InvalidParameter(error);
            return null;
        }

        return new ListJobsQuery(
            jobName, Get("job_id"), Get("user"), jobType, jobState, jobResult, Get("queue"), limit, offset, sortBy == "desc", begin, end);
    }

    private static bool Integer(string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        return text is null
            || (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    private static string? EpochMs(string? text, string name, out long? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return $"{name}: must be UTC epoch milliseconds (digits only)";
        }

        value = ms;
        return null;
    }
}
