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
/// Pages through a job list until every job has been seen, one request at a time, so callers can
/// write each page as it arrives (constant memory but for the set of ids seen).
/// </summary>
/// <remarks>
/// The documents do not say whether <c>offset</c> counts pages or records. The pager asks for page 1,
/// then <c>offset=2</c>: if that page repeats most of page 1, the service counts records, and from then
/// on the offset moves by the number of jobs received; otherwise it moves by one page. Jobs are
/// de-duplicated by id (new submissions shift a newest-first list while it is being read). Paging
/// stops at an empty page, a page with nothing new, once <c>total_record</c> jobs have been seen, or
/// (when no total is given) at a short page.
/// </remarks>
internal sealed class JobListPager
{
    private const int DocumentedDefaultLimit = 10;
    private readonly JobListQuery _query;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _offset = 1;
    private int _pagesRead;
    private int _firstPageCount;

    /// <summary>Creates a pager; nothing is sent until <see cref="NextAsync"/>.</summary>
    public JobListPager(JobListQuery query)
    {
        _query = query ?? throw new ArgumentNullException(nameof(query));
    }

    /// <summary><c>true</c> once the last page has been read.</summary>
    public bool IsDone { get; private set; }

    /// <summary><c>true</c> when the service turned out to count <c>offset</c> in records rather than pages.</summary>
    public bool OffsetCountsRecords { get; private set; }

    /// <summary>How many requests were made.</summary>
    public int PagesRead => _pagesRead;

    /// <summary>Reads the next page through <paramref name="client"/> and returns its jobs that were not seen before and pass the filters.</summary>
    /// <exception cref="MrsApiException">The service refused or could not be reached.</exception>
    public async Task<IReadOnlyList<JobExecution>> NextAsync(MrsJobClient client, CallContext context)
    {
        if (IsDone)
        {
            return Array.Empty<JobExecution>();
        }

        var page = await ReadPageAsync(client, context).ConfigureAwait(false);
        _pagesRead++;
        var fresh = page.Jobs.Where(j => _seen.Add(j.JobId)).ToList();
        var repeated = page.Jobs.Count - fresh.Count;
        if (_pagesRead == 1)
        {
            _firstPageCount = page.Jobs.Count;
        }
        else if (_pagesRead == 2 && _firstPageCount > 1 && repeated * 2 > page.Jobs.Count)
        {
            OffsetCountsRecords = true;
        }

        _offset += OffsetCountsRecords ? Math.Max(1, page.Jobs.Count) : 1;
        IsDone = page.Jobs.Count == 0
            || (fresh.Count == 0 && _pagesRead > 1)
            || (page.Total is { } total ? _seen.Count >= total : page.Jobs.Count < _query.PageSize);
        return fresh.Where(_query.Matches).ToList();
    }

    // The documents give no maximum for limit. If the first page is refused as a bad parameter with a
    // larger page size, ask again with the documented default (10), which the service must accept.
    private async Task<JobListPage> ReadPageAsync(MrsJobClient client, CallContext context)
    {
        try
        {
            return await client.ListJobsPageAsync(_query, _offset, context).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (_pagesRead == 0 && ex.Kind == MrsErrorKind.InvalidArgument && _query.PageSize > DocumentedDefaultLimit)
        {
            _query.PageSize = DocumentedDefaultLimit;
            return await client.ListJobsPageAsync(_query, _offset, context).ConfigureAwait(false);
        }
    }
}
