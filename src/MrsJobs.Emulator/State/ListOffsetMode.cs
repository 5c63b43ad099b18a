using System;

namespace MrsJobs.Emulator.State;

/// <summary>
/// What the job list's <c>offset</c> counts. The official sources disagree (it defaults to 1 in the API page, the
/// Go SDK's model and the current Python model; to 0 in the Java v3 model, the Node.js client and an older Python
/// model; none says pages or jobs), so tests choose. The 1-based meanings refuse <c>offset=0</c> as the service
/// refuses an out-of-range parameter.
/// </summary>
public enum ListOffsetMode
{
    /// <summary><c>page1</c> (the default, and the old <c>page</c>): <c>offset</c> N is the Nth page of <c>limit</c> jobs, from 1.</summary>
    PagesFromOne,

    /// <summary><c>page0</c>: <c>offset</c> N is page N+1; <c>offset=0</c> is the first page.</summary>
    PagesFromZero,

    /// <summary><c>record0</c>: <c>offset</c> N skips N jobs.</summary>
    RecordsFromZero,

    /// <summary><c>record1</c> (the old <c>record</c>): <c>offset</c> N starts at the Nth job, from 1.</summary>
    RecordsFromOne,
}

/// <summary>The wire names of <see cref="ListOffsetMode"/> and what each implies.</summary>
public static class ListOffsetModes
{
    /// <summary>The names the control API takes and shows.</summary>
    public const string Names = "page1, page0, record0 or record1 (page and record still mean page1 and record1)";

    /// <summary>The mode named <paramref name="name"/>; <see langword="null"/> when unknown.</summary>
    public static ListOffsetMode? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "page1" or "page" => ListOffsetMode.PagesFromOne,
        "page0" => ListOffsetMode.PagesFromZero,
        "record0" => ListOffsetMode.RecordsFromZero,
        "record1" or "record" => ListOffsetMode.RecordsFromOne,
        _ => null,
    };

    /// <summary>The wire name of <paramref name="mode"/>.</summary>
    public static string Name(ListOffsetMode mode) => mode switch
    {
        ListOffsetMode.PagesFromZero => "page0",
        ListOffsetMode.RecordsFromZero => "record0",
        ListOffsetMode.RecordsFromOne => "record1",
        _ => "page1",
    };

    /// <summary>The offset of the first page, and the smallest accepted: 0 or 1.</summary>
    public static int FirstOffset(ListOffsetMode mode) =>
        mode is ListOffsetMode.PagesFromZero or ListOffsetMode.RecordsFromZero ? 0 : 1;

    /// <summary>How many jobs <paramref name="offset"/> skips with <paramref name="limit"/> jobs a page.</summary>
    public static long Skip(ListOffsetMode mode, int offset, int limit)
    {
        var index = (long)offset - FirstOffset(mode);
        return mode is ListOffsetMode.PagesFromOne or ListOffsetMode.PagesFromZero ? index * limit : index;
    }

    /// <summary>Throws for a value outside the enum (settings are set from code too).</summary>
    internal static ListOffsetMode Checked(ListOffsetMode mode) =>
        Enum.IsDefined(mode) ? mode : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown list offset mode.");
}
