using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Submission;

/// <summary>
/// Finds the job a lost answer was about: the cluster's jobs with the same exact name, submitted since
/// shortly before the request (allowing for clock skew), of the same type and with the same
/// arguments, that no other row of the run has claimed. Exactly one such job is the row's job.
/// </summary>
internal sealed class JobReconciler
{
    /// <summary>How the detail of an ambiguous look starts (several candidates: never resolved by sending again).</summary>
    public const string SeveralFoundPrefix = "several";

    private readonly MrsJobClient _client;
    private readonly SubmissionOptions _options;
    private readonly TimeProvider _clock;
    // Job ids that belong to a row, as 64-bit hashes: a run of 100,000 rows keeps a few MB, not the ids
    // themselves. A collision could only hide a candidate, which makes a lookup say "unknown", never wrong.
    private readonly ConcurrentDictionary<ulong, int> _claimed = new();

    public JobReconciler(MrsJobClient client, SubmissionOptions options, TimeProvider clock)
    {
        _client = client;
        _options = options;
        _clock = clock;
    }

    /// <summary>Records that <paramref name="jobId"/> belongs to <paramref name="row"/> (accepted, reconciled or from the journal).</summary>
    public void Claim(string jobId, int row) => _claimed.TryAdd(Key(jobId), row);

    /// <summary>
    /// Looks for the job of <paramref name="row"/>, sent at <paramref name="sentAt"/>. Returns the one
    /// job found (now claimed), or <c>null</c> with a detail saying what was found instead.
    /// </summary>
    /// <exception cref="Errors.MrsApiException">The job list could not be read.</exception>
    public async Task<(JobExecution? Job, string Detail)> FindAsync(int row, JobDefinition job, DateTimeOffset sentAt, CallContext context, bool settle)
    {
        var candidates = new List<JobExecution>();
        for (var look = 1; look <= _options.ReconcileLooks; look++)
        {
            if (settle || look > 1)
            {
                await _clock.Delay(TimeSpan.FromTicks(_options.ReconcileSettle.Ticks * look), context.Cancellation).ConfigureAwait(false);
            }

            candidates = await ListCandidatesAsync(job, sentAt, context).ConfigureAwait(false);
            if (candidates.Count == 1 && _claimed.TryAdd(Key(candidates[0].JobId), row))
            {
                context.Trace.Verbose($"Row {row}: the lost answer was for job {candidates[0].JobId}, found by listing the cluster's jobs named '{job.JobName}'.");
                return (candidates[0], string.Empty);
            }

            if (candidates.Count > 1)
            {
                break;   // looking again cannot make several jobs one
            }
        }

        var detail = candidates.Count == 0
            ? $"no job named '{job.JobName}' with the same type and arguments was listed on cluster {job.ClusterId} after {sentAt.AddTicks(-_options.ClockSkew.Ticks):u}"
            : $"several ({candidates.Count}) unclaimed jobs named '{job.JobName}' with the same type and arguments were listed ({string.Join(", ", candidates.Select(c => c.JobId))})";
        return (null, detail);
    }

    private async Task<List<JobExecution>> ListCandidatesAsync(JobDefinition job, DateTimeOffset sentAt, CallContext context)
    {
        var query = new JobListQuery
        {
            ClusterId = job.ClusterId,
            JobName = new NamePattern(job.JobName),
            JobType = job.JobType,
            SubmittedAfter = sentAt - _options.ClockSkew,
        };
        var pager = new JobListPager(query);
        var fingerprint = ArgumentsFingerprint.Of(job.Arguments);
        var found = new List<JobExecution>();
        while (!pager.IsDone)
        {
            foreach (var listed in await pager.NextAsync(_client, context).ConfigureAwait(false))
            {
                if (listed.ArgumentsFingerprint == fingerprint && !_claimed.ContainsKey(Key(listed.JobId)))
                {
                    found.Add(listed);
                }
            }
        }

        return found;
    }

    // FNV-1a over the id's characters: stable, cheap, and spread well enough for ids that are UUIDs.
    private static ulong Key(string jobId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in jobId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
