using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Journal;
using Xunit;

namespace MrsJobs.Tests.Journal;

/// <summary><see cref="SubmissionJournal"/> with several writers: other runs kept out, worker threads kept in line.</summary>
public sealed class SubmissionJournalSharingTests : IDisposable
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private readonly JournalFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void RefusesASecondRunWhileTheFirstHasTheJournalOpen()
    {
        var path = files.NewPath();
        using var first = files.Open(path);

        var error = Assert.Throws<JournalException>(() => files.Open(path));

        Assert.Equal(JournalProblem.InUse, error.Problem);
        Assert.Equal(first.Path, error.JournalPath);
        Assert.Contains($"Journal '{first.Path}' is in use by another run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LetsTheNextRunOpenTheJournalOnceTheFirstHasClosedIt()
    {
        var path = files.NewPath();
        files.Open(path).Dispose();

        using var second = files.Open(path);

        Assert.Empty(second.Warnings);
    }

    [Fact]
    public void LetsAPersonReadTheJournalWhileARunWritesIt()
    {
        using var journal = files.Open(files.NewPath());
        journal.WriteIntent(1, JournalFiles.Hash, "c-1", "a", "HiveSql", SentAt);

        using var reader = new FileStream(journal.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(reader);

        Assert.Contains("\"type\":\"intent\"", text.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesWholeLinesWhenEightThreadsRecordIntentsAtOnce()
    {
        var path = files.NewPath();
        using (var journal = files.Open(path))
        {
            using var start = new Barrier(8);
            var workers = Enumerable.Range(1, 8).Select(row => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    journal.WriteIntent(row, JournalFiles.Hash, "c-1", new string('n', 2000) + row, "SparkSubmit", SentAt);
                },
                TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(workers);
        }

        var lines = JournalFiles.Lines(path);
        Assert.Equal(9, lines.Length);
        using var reopened = files.Open(path);
        Assert.Empty(reopened.Warnings);
        Assert.All(Enumerable.Range(1, 8), row => Assert.NotNull(reopened.Find(row)));
    }

    [Fact]
    public void RecordsNoArgumentOrPropertyValue()
    {
        var arguments = new[] { "--password=Hunter2-Argument-Secret", "obs://bucket/job.jar" };
        var properties = new[] { new System.Collections.Generic.KeyValuePair<string, string>("fs.obs.secret.key", "Property-Secret-Value-42") };
        var hash = JobDefinitionHash.Compute("c-1", "SparkSubmit", "daily", arguments, properties);
        var path = files.NewPath();

        using (var journal = files.Open(path))
        {
            journal.WriteIntent(1, hash, "c-1", "daily", "SparkSubmit", SentAt);
            journal.WriteOutcome(1, hash, new JournalOutcome(JournalOutcomeKind.Accepted, "job-1", "COMPLETE", SentAt));
        }

        var text = File.ReadAllText(path);
        Assert.Contains(hash, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2-Argument-Secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("obs://bucket/job.jar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fs.obs.secret.key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Property-Secret-Value-42", text, StringComparison.Ordinal);
    }
}
