using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Api;

/// <summary>
/// Narrows down what <c>offset</c> means from the answers a listing gets anyway, plus at most one probe.
/// </summary>
/// <remarks>
/// <para>Each answer carries <c>total_record</c> and a page: a meaning whose predicted page size differs from the
/// one received is ruled out (<see cref="ObserveAnswer"/>). One answer at <c>offset=1</c> that holds the whole
/// list proves the first page is 1; a short page proves more.</para>
/// <para>The probe is <c>offset=0</c> (<see cref="ObserveProbe"/>): refused, or answered with the very page
/// <c>offset=1</c> gave (a service that clamps), means the first page is 1; otherwise it is 0.</para>
/// <para>Pages or jobs: two answers at neighbouring offsets that share most of their jobs count jobs; that share
/// few, pages (<see cref="ObserveNeighbours"/>). Counts rule this out exactly where the pages are short.</para>
/// <para>If a rule would leave nothing possible (a remembered meaning turned out wrong, or the service answers
/// inconsistently), the remembered knowledge is dropped and only what the current answer says is kept.</para>
/// </remarks>
internal sealed class OffsetMeaningInference
{
    /// <summary>Starts from what is remembered for the endpoint (<see cref="OffsetMeanings.All"/> when nothing).</summary>
    public OffsetMeaningInference(OffsetMeanings remembered)
    {
        Possible = remembered == OffsetMeanings.None ? OffsetMeanings.All : remembered;
    }

    /// <summary>The meanings still possible; never <see cref="OffsetMeanings.None"/>.</summary>
    public OffsetMeanings Possible { get; private set; }

    /// <summary><c>true</c> once an answer fit none of the meanings thought possible.</summary>
    public bool WasContradicted { get; private set; }

    /// <summary><c>true</c> when the offset of the first page (0 or 1) is known.</summary>
    public bool BaseKnown => (Possible & OffsetMeanings.OneBased) == 0 || (Possible & OffsetMeanings.ZeroBased) == 0;

    /// <summary><c>true</c> when it is known whether pages or jobs are counted.</summary>
    public bool UnitKnown => (Possible & OffsetMeanings.Pages) == 0 || (Possible & OffsetMeanings.Records) == 0;

    /// <summary>The meaning to page by: the documented one (pages from 1) wherever it is still possible.</summary>
    public OffsetMeanings Assumed
    {
        get
        {
            var records = (Possible & OffsetMeanings.Pages) == 0;
            var fromOne = (Possible & OffsetMeanings.OneBased) != 0;
            var wanted = records
                ? (fromOne ? OffsetMeanings.RecordsFromOne : OffsetMeanings.RecordsFromZero)
                : (fromOne ? OffsetMeanings.PagesFromOne : OffsetMeanings.PagesFromZero);
            return (Possible & wanted) != 0 ? wanted : OffsetMeaningRules.Each(Possible).First();
        }
    }

    /// <summary>Rules out the meanings under which the answer to <paramref name="offset"/> would have held another number of jobs.</summary>
    /// <param name="offset">The offset asked for.</param>
    /// <param name="limit">The page size asked for.</param>
    /// <param name="count">How many jobs came back.</param>
    /// <param name="total">The answer's <c>total_record</c>; without it only "the offset was accepted" is learned.</param>
    public void ObserveAnswer(int offset, int limit, int count, long? total) =>
        Keep(m => OffsetMeaningRules.ExpectedCount(m, offset, limit, total ?? long.MaxValue) is { } expected
            && (total is null || expected == count));

    /// <summary>
    /// The answer to <c>offset=0</c>: <paramref name="zero"/> is <c>null</c> when it was refused as a bad parameter;
    /// <paramref name="one"/> is the page <c>offset=1</c> gave, with the same limit.
    /// </summary>
    public void ObserveProbe(IReadOnlyList<string>? zero, IReadOnlyList<string> one, int limit, long? total)
    {
        if (zero is null || (zero.Count > 0 && zero.SequenceEqual(one, StringComparer.Ordinal)))
        {
            Keep(m => (m & OffsetMeanings.OneBased) != 0);
            return;
        }

        ObserveAnswer(0, limit, zero.Count, total);
        ObserveNeighbours(zero, one, limit);
    }

    /// <summary>
    /// Two pages read at neighbouring offsets (<paramref name="lower"/> at N, <paramref name="upper"/> at N+1) with
    /// the same limit: when the lower page was full, the upper one repeats most of it if jobs are counted, and
    /// little of it (only what submissions in between pushed down) if pages are. Used only while the unit is unknown,
    /// so a burst of submissions between two pages cannot overturn what counts have proven.
    /// </summary>
    public void ObserveNeighbours(IReadOnlyList<string> lower, IReadOnlyList<string> upper, int limit)
    {
        if (UnitKnown || lower.Count < limit || limit < 2 || upper.Count == 0)
        {
            return;
        }

        var earlier = new HashSet<string>(lower, StringComparer.Ordinal);
        var repeated = upper.Count(earlier.Contains);
        var unit = repeated * 2 > upper.Count ? OffsetMeanings.Records : OffsetMeanings.Pages;
        Keep(m => (m & unit) != 0);
    }

    private void Keep(Func<OffsetMeanings, bool> fits)
    {
        var kept = OffsetMeaningRules.Each(Possible).Where(fits).Aggregate(OffsetMeanings.None, (set, m) => set | m);
        if (kept != OffsetMeanings.None)
        {
            Possible = kept;
            return;
        }

        WasContradicted = true;
        var fresh = OffsetMeaningRules.Each(OffsetMeanings.All).Where(fits).Aggregate(OffsetMeanings.None, (set, m) => set | m);
        Possible = fresh == OffsetMeanings.None ? OffsetMeanings.All : fresh;
    }
}
