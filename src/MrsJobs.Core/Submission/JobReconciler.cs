using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Decoding;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Submission;

/// <summary>
/// Finds the job a lost answer was about: the cluster's jobs with the same exact name, of the same type
/// and with the same arguments, submitted since just before the request (on the service's clock, learned
/// from its <c>Date</c> header), that no row has claimed. Exactly one such job is the row's job.
/// </summary>
internal sealed class JobReconciler
{
    /// <summary>How the detail of an ambiguous look starts (several candidates: never resolved by sending again).</summary>
    public const string SeveralFoundPrefix = "several";

    /// <summary>How long before the request (on the service's clock) a job may have been recorded: the Date header's 1 s resolution, and then some.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    private readonly MrsJobClient _client;
    private readonly SubmissionOptions _options;
    private readonly TimeProvider _clock;
    private readonly ClaimedJobs _claimed;
    private readonly HashSet<string> _recordedInJournal;

    /// <param name="client">The session's client.</param>
    /// <param name="options">Settle time, looks and clock skew.</param>
    /// <param name="clock">The session's clock.</param>
    /// <param name="claimed">The session's claims (every command of the session).</param>
    /// <param name="recordedInJournal">The job ids the journal gives its rows: never anyone else's, however old.</param>
    public JobReconciler(MrsJobClient client, SubmissionOptions options, TimeProvider clock, ClaimedJobs claimed, IEnumerable<string> recordedInJournal)
    {
        _client = client;
        _options = options;
        _clock = clock;
        _claimed = claimed;
        _recordedInJournal = new HashSet<string>(recordedInJournal, StringComparer.Ordinal);
    }

    /// <summary>Records that <paramref name="jobId"/> belongs to a row; <c>false</c> when another row had it already.</summary>
    public bool Claim(string jobId) => _claimed.TryClaim(jobId);

    /// <summary>
    /// Looks for the job of <paramref name="row"/>, last sent at <paramref name="sentAt"/>. Returns the one
    /// job found (now claimed), or <c>null</c> with a detail saying what was found instead.
    /// </summary>
    /// <exception cref="Errors.MrsApiException">The job list could not be read.</exception>
    public async Task<(JobExecution? Job, string Detail)> FindAsync(int row, JobDefinition job, DateTimeOffset sentAt, CallContext context, bool settle)
    {
        var since = Since(sentAt, context);
        var candidates = new List<JobExecution>();
        for (var look = 1; look <= _options.ReconcileLooks; look++)
        {
            if (settle || look > 1)
            {
                await _clock.Delay(TimeSpan.FromTicks(_options.ReconcileSettle.Ticks * look), context.Cancellation).ConfigureAwait(false);
            }

            candidates = await ListCandidatesAsync(job, since, context).ConfigureAwait(false);
            if (candidates.Count == 1 && !_recordedInJournal.Contains(candidates[0].JobId) && _claimed.TryClaim(candidates[0].JobId))
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
            ? $"no job named '{job.JobName}' with the same type and arguments was listed on cluster {job.ClusterId} since {since:u} (service time)"
            : $"{SeveralFoundPrefix} ({candidates.Count}) unclaimed jobs named '{job.JobName}' with the same type and arguments were listed ({string.Join(", ", candidates.Select(c => c.JobId))})";
        return (null, detail);
    }

    // On the service's clock when its offset is known (a few seconds of margin); else allowing the whole clock skew.
    private DateTimeOffset Since(DateTimeOffset sentAt, CallContext context)
    {
        if (_client.ServerClockOffset is { } offset)
        {
            return sentAt + offset - Margin;
        }

        context.Trace.Verbose($"The service's clock is not known (no Date header yet): looking {_options.ClockSkew.TotalMinutes:0} minutes back.");
        return sentAt - _options.ClockSkew;
    }

    private async Task<List<JobExecution>> ListCandidatesAsync(JobDefinition job, DateTimeOffset since, CallContext context)
    {
        var query = new JobListQuery
        {
            ClusterId = job.ClusterId,
            JobName = new NamePattern(job.JobName),
            JobType = job.JobType,
            SubmittedAfter = since,
        };
        var pager = new JobListPager(query);
        var fingerprint = ArgumentsFingerprint.Of(job.Arguments);
        var found = new List<JobExecution>();
        while (!pager.IsDone)
        {
            foreach (var listed in await pager.NextAsync(_client, context).ConfigureAwait(false))
            {
                if (listed.ArgumentsFingerprint == fingerprint && !_recordedInJournal.Contains(listed.JobId) && !_claimed.IsClaimed(listed.JobId))
                {
                    found.Add(listed);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The key under which sends and lookups of one kind of job are kept apart (see <see cref="LookupGate"/>):
    /// what a lookup compares. Held only while the row is in flight.
    /// </summary>
    public static string LookupKey(JobDefinition job) =>
        job.ClusterId + "\n" + StoredType(job.JobType) + "\n" + job.JobName + "\n" + JavaToStringText.FormatList(job.Arguments);

    // The service lists SparkPython jobs as SparkSubmit: a lookup cannot tell them apart, so neither may the gate.
    private static string StoredType(string jobType) => jobType == JobTypes.SparkPython ? JobTypes.SparkSubmit : jobType;
}
