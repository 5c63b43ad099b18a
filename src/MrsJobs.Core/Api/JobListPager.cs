using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Api;

/// <summary>
/// Pages through a job list until every job has been seen, one request at a time, so callers can write each page
/// as it arrives (memory grows only with the set of ids seen). Every job is returned once, whatever the service's
/// <c>offset</c> means and however the list shifts while it is read.
/// </summary>
/// <remarks>
/// <para>What <c>offset</c> means (pages or jobs, from 0 or 1) is taken from the session's
/// <see cref="ListOffsetCache"/> and narrowed by <see cref="OffsetMeaningInference"/> from every answer. Nothing is
/// returned before the first page is known to be the top of the list: when <c>offset=1</c> does not prove it (its
/// page holds the whole list, or its counts rule out 0), <c>offset=0</c> is asked once; refused means 1.</para>
/// <para>Jobs are de-duplicated by id. <see cref="ListFrontier"/> decides whether each page continues the part
/// read without a gap; when counting jobs, each page overlaps the last by one job to prove it. A page that does
/// not is read again further back. With <c>-State</c>/<c>-Result</c> and a service that counts pages, a list
/// longer than one page is read again without those filters on the service (they still apply locally): jobs that
/// change state join and leave the filtered list anywhere, which <c>total_record</c> cannot reveal.</para>
/// <para>If completeness could not be proven (no <c>total_record</c>, answers that fit no meaning, or a list that
/// kept changing past the request budget), a warning says so.</para>
/// <para>One <see cref="NextAsync"/> usually sends one request; the first may also send the <c>offset=0</c> probe,
/// and a refused page size is asked again with the default. A caller that paces its requests (a wait round takes
/// one turn of the session's read pacer per step) gives a hook that is awaited before each such extra request.</para>
/// </remarks>
internal sealed class JobListPager
{
    private const int DocumentedDefaultLimit = 10;
    private readonly JobListQuery _query;
    private readonly Func<CancellationToken, Task>? _beforeExtraRequest;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly ListFrontier _frontier = new();
    private OffsetMeaningInference? _meaning;
    private (int Offset, int Limit, string[] Ids)? _previous;
    private long _largestTotal;
    private bool _unchecked;
    private int _requestsThisStep;

    /// <summary>Creates a pager; nothing is sent until <see cref="NextAsync"/>.</summary>
    /// <param name="query">The list to read.</param>
    /// <param name="beforeExtraRequest">
    /// Awaited before each request of one <see cref="NextAsync"/> after its first (the <c>offset=0</c> probe, a
    /// page asked again with the default size), so that a caller who paced the first can pace those too; <c>null</c>
    /// sends them at once.
    /// </param>
    public JobListPager(JobListQuery query, Func<CancellationToken, Task>? beforeExtraRequest = null)
    {
        _query = query ?? throw new ArgumentNullException(nameof(query));
        _beforeExtraRequest = beforeExtraRequest;
    }

    /// <summary><c>true</c> once the last page has been read.</summary>
    public bool IsDone { get; private set; }

    /// <summary><c>true</c> once the list was read to its end and every page was proven to continue the last.</summary>
    public bool IsProvenComplete { get; private set; }

    /// <summary><c>true</c> when the service turned out to count <c>offset</c> in records rather than pages.</summary>
    public bool OffsetCountsRecords => _meaning is { } meaning && (meaning.Possible & OffsetMeanings.Pages) == 0;

    /// <summary>What <c>offset</c> is known to mean, in words.</summary>
    public string OffsetMeaning => OffsetMeaningRules.Describe(_meaning?.Possible ?? OffsetMeanings.All);

    /// <summary>How many requests were made, the <c>offset=0</c> probe and a refused first page size included.</summary>
    public int PagesRead { get; private set; }

    /// <summary>Reads the next page through <paramref name="client"/> and returns its jobs that were not seen before and pass the filters.</summary>
    /// <exception cref="MrsApiException">The service refused or could not be reached.</exception>
    public async Task<IReadOnlyList<JobExecution>> NextAsync(MrsJobClient client, CallContext context)
    {
        if (IsDone)
        {
            return Array.Empty<JobExecution>();
        }

        var meaning = _meaning ??= new OffsetMeaningInference(client.RecallOffsetMeanings());
        var known = meaning.Possible;
        _requestsThisStep = 0;
        try
        {
            RestartWithoutChangingFiltersIfNeeded(context);
            var pages = await ReadStepAsync(client, meaning, context).ConfigureAwait(false);
            var fresh = new List<JobExecution>();
            foreach (var page in pages)
            {
                Follow(page, meaning);
                fresh.AddRange(page.Answer.Jobs.Where(j => _written.Add(j.JobId)));
            }

            CheckBudget();
            if (IsDone)
            {
                Finish(context, meaning);
            }

            return fresh.Where(_query.Matches).ToList();
        }
        finally
        {
            if (meaning.Possible != known)
            {
                client.RememberOffsetMeanings(meaning.Possible);
            }
        }
    }

    // One step: the page after the covered part; on the very first step, also offset=0 when the top is in doubt.
    private async Task<List<ReadPage>> ReadStepAsync(MrsJobClient client, OffsetMeaningInference meaning, CallContext context)
    {
        var limit = _query.PageSize;
        var assumed = meaning.Assumed;
        var position = OffsetMeaningRules.CountsRecords(assumed) ? Math.Max(0, _frontier.Next - 1) : _frontier.Next / limit * limit;
        var offset = OffsetMeaningRules.OffsetOf(assumed, position, limit);
        var answer = await ReadPageAsync(client, offset, context).ConfigureAwait(false);
        limit = _query.PageSize;
        var ids = answer.Jobs.Select(j => j.JobId).ToArray();
        meaning.ObserveAnswer(offset, limit, answer.Jobs.Count, answer.Total);
        if (_previous is { } previous && previous.Offset == offset - 1 && previous.Limit == limit)
        {
            meaning.ObserveNeighbours(previous.Ids, ids, limit);
        }

        _previous = (offset, limit, ids);
        var pages = new List<ReadPage> { new(offset, answer, ReadInOrder: true) };
        var emptyList = answer.Jobs.Count == 0 && answer.Total == 0;
        if (_frontier.AtStart && offset == 1 && (meaning.Possible & OffsetMeanings.ZeroBased) != 0 && !emptyList)
        {
            var zero = await TryReadPageAsync(client, 0, context).ConfigureAwait(false);
            meaning.ObserveProbe(zero?.Jobs.Select(j => j.JobId).ToList(), ids, limit, zero?.Total ?? answer.Total);
            context.Trace.Verbose(zero is null
                ? "The job list refused offset=0: its first page is offset=1."
                : $"The job list answered offset=0: offset means {OffsetMeaningRules.Describe(meaning.Possible)}.");
            if (zero is not null && OffsetMeaningRules.Base(meaning.Assumed) == 0)
            {
                // The page of offset=1 was read before the top: it may not be trusted to continue it.
                pages = new List<ReadPage> { new(0, zero, ReadInOrder: true), new(offset, answer, ReadInOrder: false) };
                _previous = (1, limit, ids);
            }
        }

        return pages;
    }

    // Takes a page into the covered part when it provably continues it; else reads further back next time.
    private void Follow(ReadPage page, OffsetMeaningInference meaning)
    {
        var limit = _query.PageSize;
        var jobs = page.Answer.Jobs;
        var total = page.Answer.Total;
        if (total == 0 && jobs.Count == 0)
        {
            // Nothing matched at that moment, so no job was there all along.
            IsDone = true;
            IsProvenComplete = !_unchecked && !meaning.WasContradicted;
            return;
        }

        _largestTotal = Math.Max(_largestTotal, total ?? jobs.Count);
        var start = OffsetMeaningRules.StartOf(meaning.Assumed, page.Offset, limit);
        var countsPages = (meaning.Possible & OffsetMeanings.Records) == 0;
        var byPosition = page.ReadInOrder && countsPages && !_query.SendsChangingFilters;
        var continues = start >= 0 && meaning.BaseKnown && _frontier.Continues(start, jobs, total, byPosition);
        if (!continues && byPosition && total is null && start <= _frontier.Next)
        {
            // Without total_record a removal cannot be seen: go on, but say the list is unchecked.
            continues = _unchecked = true;
        }

        if (continues)
        {
            _frontier.Extend(start, jobs, total);
            IsDone = jobs.Count < limit;
            IsProvenComplete = IsDone && !_unchecked && !meaning.WasContradicted;
        }
        else if (page.ReadInOrder)
        {
            _frontier.StepBack(total);
        }
    }

    // Jobs that change state join and leave a state-filtered list anywhere, which no count reveals: when pages are
    // counted (no overlap to prove a page continues), a list longer than one page is read without those filters.
    private void RestartWithoutChangingFiltersIfNeeded(CallContext context)
    {
        var countsPages = _meaning is { } meaning && (meaning.Possible & OffsetMeanings.Records) == 0;
        if (countsPages && _query.SendsChangingFilters && !_frontier.AtStart)
        {
            _query.StateFiltersLocalOnly = true;
            _frontier.Reset();
            _previous = null;
            context.Trace.Verbose("The list is longer than one page: reading it again with the state and result filters applied locally only, so that jobs changing state cannot shift it unseen.");
        }
    }

    // A list that keeps changing could be re-read forever: give up after a generous budget, and say so.
    private void CheckBudget()
    {
        var budget = 16 + (3 * (1 + (Math.Max(_largestTotal, _written.Count) / Math.Max(1, _query.PageSize))));
        if (!IsDone && PagesRead >= budget)
        {
            IsDone = true;
            IsProvenComplete = false;
        }
    }

    private void Finish(CallContext context, OffsetMeaningInference meaning)
    {
        if (IsProvenComplete)
        {
            return;
        }

        var reason = meaning.WasContradicted ? "the service's answers fit no single meaning of offset"
            : _unchecked ? "the service gave no total_record, so a job removed during the listing could have shifted an unseen job past the pages read"
            : $"the list kept changing while it was read ({_frontier.TotalMisses} page(s) did not continue the one before; stopped after {PagesRead} requests)";
        context.Warn($"The job list of cluster {_query.ClusterId} may be incomplete: {reason}. Run the command again to read it anew.");
    }

    // The documents give no maximum for limit. If the first page is refused as a bad parameter with a larger page
    // size, ask again with the documented default (10), which the service must accept.
    private async Task<JobListPage> ReadPageAsync(MrsJobClient client, int offset, CallContext context)
    {
        var first = PagesRead == 0;
        try
        {
            return await SendAsync(client, offset, context).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (first && ex.Kind == MrsErrorKind.InvalidArgument && _query.PageSize > DocumentedDefaultLimit)
        {
            _query.PageSize = DocumentedDefaultLimit;
            return await SendAsync(client, offset, context).ConfigureAwait(false);
        }
    }

    private async Task<JobListPage?> TryReadPageAsync(MrsJobClient client, int offset, CallContext context)
    {
        try
        {
            return await SendAsync(client, offset, context).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (ex.Kind == MrsErrorKind.InvalidArgument)
        {
            return null;
        }
    }

    // Every request goes through here: counted, and after the first of a step, preceded by the caller's hook.
    private async Task<JobListPage> SendAsync(MrsJobClient client, int offset, CallContext context)
    {
        if (_requestsThisStep++ > 0 && _beforeExtraRequest is { } hook)
        {
            await hook(context.Cancellation).ConfigureAwait(false);
        }

        PagesRead++;
        return await client.ListJobsPageAsync(_query, offset, context).ConfigureAwait(false);
    }

    /// <summary>A page as read: <see cref="ReadInOrder"/> is <c>false</c> for a page read before the top it follows.</summary>
    private sealed record ReadPage(int Offset, JobListPage Answer, bool ReadInOrder);
}
