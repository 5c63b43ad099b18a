using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Submission;
using MrsJobs.Core.Validation;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Submission;

/// <summary>
/// Base of the <see cref="SubmissionEngine"/> tests: rows, a run over the in-process emulator on the real clock
/// (reconciliation settles in 50 ms), and journal files in a temporary folder removed afterwards.
/// </summary>
public abstract class EngineTest : EmulatorTest, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "MrsJobs.Engine." + Guid.NewGuid().ToString("N"));

    protected EngineTest(EmulatorFixture fixture)
        : base(fixture)
    {
        Directory.CreateDirectory(folder);
    }

    /// <summary>Options with a short reconciliation settle, so a lost answer is looked up within a fraction of a second.</summary>
    internal static SubmissionOptions Options(int throttleLimit = 8, SubmissionJournal? journal = null) => new()
    {
        ThrottleLimit = throttleLimit,
        Journal = journal,
        ReconcileSettle = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>A valid row for the full cluster.</summary>
    internal static SubmissionRow Row(int number, string? name = null, string clusterId = SeedData.FullClusterId) =>
        new(number, Job(jobName: name ?? $"job-{number:D3}", clusterId: clusterId));

    /// <summary>A row that broke a rule, so it defines no job.</summary>
    internal static SubmissionRow Broken(int number) =>
        new(number, new[] { new ValidationFailure("job_name", "pattern", "job_name may hold only letters, digits, '_' and '-'.") });

    /// <summary>The hash the journal records for a row's job.</summary>
    internal static string HashOf(JobDefinition job) =>
        JobDefinitionHash.Compute(job.ClusterId, job.JobType, job.JobName, job.Arguments, job.Properties);

    /// <summary>A new journal path in the test's folder.</summary>
    protected string JournalPath(string name = "run.jsonl") => Path.Combine(folder, name);

    internal static SubmissionJournal OpenJournal(string path) => SubmissionJournal.Open(path, TimeProvider.System);

    /// <summary>The submissions (POSTs to job-executions) the emulator received since the last reset or clear.</summary>
    protected IReadOnlyList<RecordedRequest> Posts() =>
        Submissions().Where(r => r.Method == "POST" && r.Path.EndsWith("/job-executions", StringComparison.Ordinal)).ToList();

    /// <summary>Runs <paramref name="rows"/> through one engine and returns every outcome, in delivery order.</summary>
    internal static async Task<IReadOnlyList<SubmissionOutcome>> RunAsync(MrsSession session, SubmissionOptions options, params SubmissionRow[] rows)
    {
        using var run = new EngineRun(session, options);
        foreach (var row in rows)
        {
            await run.AddAsync(row);
        }

        return await run.CompleteAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder harms no test.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One engine run whose outcomes a test can await one by one.</summary>
internal sealed class EngineRun : IDisposable
{
    private readonly List<SubmissionOutcome> outcomes = new();
    private readonly SemaphoreSlim delivered = new(0);

    public EngineRun(MrsSession session, SubmissionOptions options, CancellationToken cancellation = default)
    {
        Engine = new SubmissionEngine(session, options, new CallContext(null, cancellation), Deliver);
    }

    public SubmissionEngine Engine { get; }

    public IReadOnlyList<SubmissionOutcome> Outcomes
    {
        get
        {
            lock (outcomes)
            {
                return outcomes.ToArray();
            }
        }
    }

    public Task AddAsync(SubmissionRow row) => Engine.AddAsync(row);

    /// <summary>Waits (10 s at most) until <paramref name="count"/> outcomes have been delivered.</summary>
    public async Task<SubmissionOutcome> OutcomeAsync(int count)
    {
        while (Outcomes.Count < count)
        {
            Assert.True(await delivered.WaitAsync(TimeSpan.FromSeconds(10)), $"outcome {count} was not delivered within 10 s");
        }

        return Outcomes[count - 1];
    }

    /// <summary>Completes the run (30 s at most) and returns every outcome.</summary>
    public async Task<IReadOnlyList<SubmissionOutcome>> CompleteAsync()
    {
        await Engine.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return Outcomes;
    }

    public void Dispose() => Engine.StopSending();

    private void Deliver(SubmissionOutcome outcome)
    {
        lock (outcomes)
        {
            outcomes.Add(outcome);
        }

        delivered.Release();
    }
}
