using System;
using System.Collections.Generic;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Api;

/// <summary>
/// How far a newest-first job list has been read without a gap, while jobs are submitted and deleted under it.
/// </summary>
/// <remarks>
/// <para>The service sorts by submission time, so the order of two jobs never changes; only positions do. The
/// "covered" part of the order is a prefix of it: every job that was listed from the start of the read to its end
/// and sorts no later than the last job of the covered part has been seen. A page extends the covered part when
/// it provably starts inside it (<see cref="Continues"/>):</para>
/// <list type="bullet">
/// <item>it is the top of the list (position 0), or</item>
/// <item>its first job was on a page that extended the covered part, or was submitted later than the last covered
/// job (both mean it sorts inside the covered part: nothing can hide between), or</item>
/// <item>when pages are counted (no overlap is possible): it starts where the covered part ended, and
/// <c>total_record</c> has not fallen since that was read. Jobs join the list only as new submissions, at the top,
/// so they push the rest down; only a net removal can pull an unseen job above the page's start.</item>
/// </list>
/// <para>A page that does not provably continue is not trusted (its jobs are still written, once): the read
/// position moves back by the net removal (at least 1, doubling each time in a row) and the next page re-reads
/// there. Position 0 always continues, so this ends. A short page that continues ends the list.</para>
/// </remarks>
internal sealed class ListFrontier
{
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);
    private JobExecution? _last;

    /// <summary>Where (0-based) the first job not yet covered was when <see cref="TotalAtNext"/> was read; a lower bound.</summary>
    public long Next { get; private set; }

    /// <summary>The <c>total_record</c> that went with <see cref="Next"/>, when known.</summary>
    public long? TotalAtNext { get; private set; }

    /// <summary>How many pages in a row did not provably continue.</summary>
    public int Misses { get; private set; }

    /// <summary>How many pages did not provably continue in all.</summary>
    public int TotalMisses { get; private set; }

    /// <summary><c>true</c> until a page has extended the covered part.</summary>
    public bool AtStart => _covered.Count == 0 && Next == 0;

    /// <summary>Whether the page read at <paramref name="start"/> provably continues the covered part.</summary>
    /// <param name="start">The page's 0-based position.</param>
    /// <param name="jobs">Its jobs, in the service's order.</param>
    /// <param name="total">Its <c>total_record</c>.</param>
    /// <param name="byPosition">Whether the position rule may be used: pages are counted and the page was read after <see cref="Next"/> was set.</param>
    public bool Continues(long start, IReadOnlyList<JobExecution> jobs, long? total, bool byPosition)
    {
        if (start == 0)
        {
            return true;
        }

        if (jobs.Count > 0 && (_covered.Contains(jobs[0].JobId) || IsNewerThanCovered(jobs[0])))
        {
            return true;
        }

        return byPosition && start <= Next && TotalAtNext is { } before && total is { } now && now >= before;
    }

    /// <summary>Takes a page that continues the covered part into it.</summary>
    public void Extend(long start, IReadOnlyList<JobExecution> jobs, long? total)
    {
        foreach (var job in jobs)
        {
            _covered.Add(job.JobId);
        }

        if (jobs.Count > 0 && (_last is null || HoldsBeforeItsEnd(jobs, _last.JobId) || IsOlder(jobs[jobs.Count - 1], _last)))
        {
            _last = jobs[jobs.Count - 1];
        }

        Next = start + jobs.Count;
        TotalAtNext = total;
        Misses = 0;
    }

    /// <summary>A page read after <see cref="Next"/> was set did not provably continue: read further back next time.</summary>
    public void StepBack(long? total)
    {
        Misses++;
        TotalMisses++;
        var removed = TotalAtNext is { } before && total is { } now ? before - now : 0;
        var back = Math.Max(1, removed) << Math.Min(Misses - 1, 30);
        Next = Math.Max(0, Next - back);
        TotalAtNext = total;
    }

    /// <summary>Forgets everything (the list is read again from the top, with other filters).</summary>
    public void Reset()
    {
        _covered.Clear();
        _last = null;
        Next = 0;
        TotalAtNext = null;
        Misses = 0;
    }

    private bool IsNewerThanCovered(JobExecution job) =>
        _last?.SubmittedAt is { } last && job.SubmittedAt is { } submitted && submitted > last;

    private static bool IsOlder(JobExecution job, JobExecution than) =>
        job.SubmittedAt is { } submitted && than.SubmittedAt is { } other && submitted < other;

    // The job is on the page, and not as its last job: the page reaches further down the order.
    private static bool HoldsBeforeItsEnd(IReadOnlyList<JobExecution> jobs, string jobId)
    {
        for (var i = 0; i < jobs.Count - 1; i++)
        {
            if (string.Equals(jobs[i].JobId, jobId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
