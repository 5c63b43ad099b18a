using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Api;

/// <summary>
/// The filters of a job list. They are sent to the service (to keep pages small) and checked again
/// on every job that comes back, so a service that matches names by substring, or ignores a filter,
/// still yields exactly what was asked for.
/// </summary>
internal sealed class JobListQuery
{
    // The list call's own limits on its filters: names of 1-128 characters (the Python and PHP SDKs' model of
    // ShowJobExeListNew; older Go SDK models said 36, which cut off names that submission allows up to 64).
    // A filter the service would refuse is not sent; it still applies locally, so nothing is lost.
    private static readonly Regex NameFilter = new("^[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex UserFilter = new("^[A-Za-z_.-][A-Za-z0-9_.-]{0,31}$", RegexOptions.CultureInvariant);
    private static readonly Regex QueueFilter = new("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>How many jobs one page asks for.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The cluster whose jobs to list.</summary>
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Job name, exact (any case) or with <c>*</c>/<c>?</c> wildcards.</summary>
    public NamePattern? JobName { get; set; }

    /// <summary>Job type; SparkPython is asked for as SparkSubmit (how the service stores it).</summary>
    public string? JobType { get; set; }

    /// <summary>Job state (any case).</summary>
    public string? State { get; set; }

    /// <summary>Job result (any case).</summary>
    public string? Result { get; set; }

    /// <summary>The submitting user.</summary>
    public string? User { get; set; }

    /// <summary>The YARN queue.</summary>
    public string? Queue { get; set; }

    /// <summary>Only jobs submitted at or after this time.</summary>
    public DateTimeOffset? SubmittedAfter { get; set; }

    /// <summary>Only jobs submitted at or before this time.</summary>
    public DateTimeOffset? SubmittedBefore { get; set; }

    /// <summary>Jobs per page (<c>limit</c>).</summary>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>
    /// When <c>true</c>, <see cref="State"/> and <see cref="Result"/> apply locally only and are not sent (set by
    /// <see cref="JobListPager"/> when a state-filtered list must be read without them to prove it complete).
    /// </summary>
    internal bool StateFiltersLocalOnly { get; set; }

    /// <summary><c>true</c> when a filter on something that changes while jobs run (state, result) is sent.</summary>
    internal bool SendsChangingFilters => !StateFiltersLocalOnly && (!string.IsNullOrWhiteSpace(State) || !string.IsNullOrWhiteSpace(Result));

    /// <summary>The type as the service stores and filters it.</summary>
    internal string? StoredJobType =>
        JobType is null ? null
        : JobTypes.TryNormalize(JobType, out var canonical) && canonical == JobTypes.SparkPython ? JobTypes.SparkSubmit
        : canonical;

    /// <summary>The query string for <paramref name="offset"/> (whatever the service takes it to mean), newest first.</summary>
    internal string ToQueryString(int offset)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("job_name", JobName is { HasWildcards: false } name ? Sendable(name.Text, NameFilter) : null),
            new("job_type", StoredJobType),
            new("job_state", StateFiltersLocalOnly ? null : State?.Trim().ToUpperInvariant()),
            new("job_result", StateFiltersLocalOnly ? null : Result?.Trim().ToUpperInvariant()),
            new("user", Sendable(User, UserFilter)),
            new("queue", Sendable(Queue, QueueFilter)),
            new("submitted_time_begin", EpochMilliseconds(SubmittedAfter)),
            new("submitted_time_end", EpochMilliseconds(SubmittedBefore)),
            new("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
            new("offset", offset.ToString(CultureInfo.InvariantCulture)),
            new("sort_by", "desc"),
        };
        return string.Join("&", pairs
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
    }

    /// <summary><c>true</c> when <paramref name="job"/> passes every filter.</summary>
    public bool Matches(JobExecution job) =>
        (JobName is null || JobName.IsMatch(job.JobName))
        && Same(StoredJobType, job.JobType)
        && Same(State, job.State)
        && Same(Result, job.Result)
        && Same(User, job.User)
        && Same(Queue, job.Queue)
        && (SubmittedAfter is null || job.SubmittedAt is not { } after || after.Value >= SubmittedAfter)
        && (SubmittedBefore is null || job.SubmittedAt is not { } before || before.Value <= SubmittedBefore);

    private static bool Same(string? wanted, string? actual) =>
        wanted is null || string.Equals(wanted.Trim(), actual?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Sendable(string? value, Regex rule) =>
        value is not null && rule.IsMatch(value.Trim()) ? value.Trim() : null;

    private static string? EpochMilliseconds(DateTimeOffset? time) =>
        time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
