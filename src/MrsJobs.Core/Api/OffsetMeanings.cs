using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Api;

/// <summary>
/// What the job list's <c>offset</c> may count. The official sources disagree on its default: 1 in the API page,
/// the Go SDK's model (huaweicloud-sdk-go-v3 <c>model_show_job_exe_list_new_request.go</c>, at 0eb71622 and
/// 32ad2598) and the current Python model; 0 in the Java v3 model (<c>ShowJobExeListNewRequest.java</c> at
/// 06360064), the Node.js <c>MrsClient.ts</c> and an older Python model. None says whether it counts pages or
/// jobs. A set of these flags is what is still possible.
/// </summary>
[Flags]
internal enum OffsetMeanings
{
    /// <summary>Nothing fits (the answers contradicted each other).</summary>
    None = 0,

    /// <summary><c>offset</c> N is the Nth page of <c>limit</c> jobs, from 1; <c>offset=0</c> is refused.</summary>
    PagesFromOne = 1,

    /// <summary><c>offset</c> N is page N+1: <c>offset=0</c> is the first page.</summary>
    PagesFromZero = 2,

    /// <summary><c>offset</c> N skips N jobs: <c>offset=0</c> starts at the newest.</summary>
    RecordsFromZero = 4,

    /// <summary><c>offset</c> N starts at the Nth job, from 1; <c>offset=0</c> is refused.</summary>
    RecordsFromOne = 8,

    /// <summary>Either page meaning.</summary>
    Pages = PagesFromOne | PagesFromZero,

    /// <summary>Either record meaning.</summary>
    Records = RecordsFromZero | RecordsFromOne,

    /// <summary>The meanings in which the first page is <c>offset=1</c>.</summary>
    OneBased = PagesFromOne | RecordsFromOne,

    /// <summary>The meanings in which the first page is <c>offset=0</c>.</summary>
    ZeroBased = PagesFromZero | RecordsFromZero,

    /// <summary>Nothing known yet.</summary>
    All = Pages | Records,
}

/// <summary>What each meaning of <c>offset</c> predicts: where a page starts and how many jobs it holds.</summary>
internal static class OffsetMeaningRules
{
    /// <summary>The four single meanings, the documented one first.</summary>
    public static IReadOnlyList<OffsetMeanings> Singles { get; } = new[]
    {
        OffsetMeanings.PagesFromOne, OffsetMeanings.PagesFromZero, OffsetMeanings.RecordsFromZero, OffsetMeanings.RecordsFromOne,
    };

    /// <summary>The single meanings in <paramref name="set"/>.</summary>
    public static IEnumerable<OffsetMeanings> Each(OffsetMeanings set) => Singles.Where(m => (set & m) != 0);

    /// <summary>The offset of the first page: 0 or 1.</summary>
    public static int Base(OffsetMeanings single) => (single & OffsetMeanings.OneBased) != 0 ? 1 : 0;

    /// <summary><c>true</c> when <paramref name="single"/> counts jobs rather than pages.</summary>
    public static bool CountsRecords(OffsetMeanings single) => (single & OffsetMeanings.Records) != 0;

    /// <summary>
    /// The 0-based position in the list of the first job the answer to <paramref name="offset"/> holds; negative when
    /// the offset is below the first page (a service with this meaning refuses it).
    /// </summary>
    public static long StartOf(OffsetMeanings single, int offset, int limit) =>
        CountsRecords(single) ? offset - Base(single) : (long)(offset - Base(single)) * limit;

    /// <summary>The offset that asks for the window starting at <paramref name="position"/> (a multiple of <paramref name="limit"/> when pages are counted).</summary>
    public static int OffsetOf(OffsetMeanings single, long position, int limit) =>
        checked((int)((CountsRecords(single) ? position : position / limit) + Base(single)));

    /// <summary>How many jobs the answer holds in a list of <paramref name="total"/>; <c>null</c> when the offset is refused.</summary>
    public static long? ExpectedCount(OffsetMeanings single, int offset, int limit, long total)
    {
        var start = StartOf(single, offset, limit);
        return start < 0 ? null : Math.Max(0, Math.Min(limit, total - start));
    }

    /// <summary>Words for a set of meanings, e.g. "pages from 1" or "pages or jobs, from 1".</summary>
    public static string Describe(OffsetMeanings set)
    {
        var unit = (set & OffsetMeanings.Records) == 0 ? "pages" : (set & OffsetMeanings.Pages) == 0 ? "jobs" : "pages or jobs";
        var from = (set & OffsetMeanings.ZeroBased) == 0 ? "from 1" : (set & OffsetMeanings.OneBased) == 0 ? "from 0" : "from 0 or 1";
        return set == OffsetMeanings.None ? "nothing known" : $"{unit}, {from}";
    }
}
