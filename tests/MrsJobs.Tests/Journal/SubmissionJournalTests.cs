using System;
using System.IO;
using MrsJobs.Core.Journal;
using Xunit;

namespace MrsJobs.Tests.Journal;

/// <summary><see cref="SubmissionJournal"/>: what one run writes and the next run reads back.</summary>
public sealed class SubmissionJournalTests : IDisposable
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 26, 6, 1, 2, 345, TimeSpan.Zero);

    private readonly JournalFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void StartsANewJournalWithItsHeaderLine()
    {
        var path = files.NewPath();

        using (var journal = files.Open(path))
        {
            Assert.Equal(0, journal.HighestRow);
            Assert.Empty(journal.Warnings);
            Assert.Equal(Path.GetFullPath(path), journal.Path);
        }

        Assert.Equal(JournalFiles.HeaderLine, File.ReadAllText(path));
    }

    [Fact]
    public void WritesIntentAndOutcomeAsOneSnakeCaseJsonLineEach()
    {
        var path = files.NewPath();

        using (var journal = files.Open(path))
        {
            journal.WriteIntent(3, JournalFiles.Hash, "c-1", "daily", "SparkSubmit", SentAt);
            journal.WriteOutcome(3, JournalFiles.Hash, new JournalOutcome(JournalOutcomeKind.Accepted, "job-9", "COMPLETE", SentAt.AddSeconds(1), ProjectId: "p-1"));
        }

        var lines = JournalFiles.Lines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            "{\"type\":\"intent\",\"row\":3,\"hash\":\"" + JournalFiles.Hash + "\",\"cluster_id\":\"c-1\",\"job_name\":\"daily\",\"job_type\":\"SparkSubmit\",\"at\":\"2026-11-26T06:01:02.345Z\"}",
            lines[1]);
        Assert.Equal(
            "{\"type\":\"outcome\",\"row\":3,\"hash\":\"" + JournalFiles.Hash + "\",\"outcome\":\"accepted\",\"job_id\":\"job-9\",\"state\":\"COMPLETE\",\"project_id\":\"p-1\",\"at\":\"2026-11-26T06:01:03.345Z\",\"error_code\":null,\"message\":null}",
            lines[2]);
    }

    [Fact]
    public void ReadsBackWhatAnEarlierRunRecordedForEachRow()
    {
        var path = files.NewPath();
        var outcome = new JournalOutcome(JournalOutcomeKind.Refused, At: SentAt, ErrorCode: "0168", Message: "The cluster is busy.", ProjectId: "p-1");
        using (var journal = files.Open(path))
        {
            journal.WriteIntent(1, JournalFiles.Hash, "c-1", "a", "HiveSql", SentAt);
            journal.WriteOutcome(1, JournalFiles.Hash, outcome);
            journal.WriteIntent(2, JournalFiles.OtherHash, "c-1", "b", "HiveSql", SentAt);
            journal.WriteOutcome(4, JournalFiles.Hash, new JournalOutcome(JournalOutcomeKind.Invalid, Message: "bad row"));
        }

        using var reopened = files.Open(path);

        Assert.Equal(new JournalRow(1, JournalFiles.Hash, SentAt, outcome), reopened.Find(1));
        Assert.Equal(new JournalRow(2, JournalFiles.OtherHash, SentAt, null), reopened.Find(2));
        Assert.Null(reopened.Find(3));
        Assert.Equal(JournalOutcomeKind.Invalid, reopened.Find(4)!.Outcome!.Kind);
        Assert.Null(reopened.Find(4)!.IntentAt);
        Assert.Equal(4, reopened.HighestRow);
        Assert.Empty(reopened.Warnings);
    }

    [Fact]
    public void KeepsTheLatestOutcomeOfARow()
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(5) +
            Outcome(5, JournalFiles.Hash, "unknown") + Outcome(5, JournalFiles.Hash, "reconciled"));

        using var journal = files.Open(path);

        Assert.Equal(JournalOutcomeKind.Reconciled, journal.Find(5)!.Outcome!.Kind);
        Assert.NotNull(journal.Find(5)!.IntentAt);
    }

    [Fact]
    public void ForgetsAnEarlierOutcomeWhenALaterRunSentTheRowAgain()
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(5) +
            Outcome(5, JournalFiles.Hash, "refused") + JournalFiles.IntentLine(5));

        using var journal = files.Open(path);

        Assert.NotNull(journal.Find(5)!.IntentAt);
        Assert.Null(journal.Find(5)!.Outcome);
    }

    [Fact]
    public void LetsTheLaterRunWinWhenARowWasRecordedWithAnotherHash()
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(5) +
            Outcome(5, JournalFiles.Hash, "accepted") + Outcome(5, JournalFiles.OtherHash, "invalid"));

        using var journal = files.Open(path);

        Assert.Equal(new JournalRow(5, JournalFiles.OtherHash, null, new JournalOutcome(JournalOutcomeKind.Invalid, At: JournalFiles.Created)), journal.Find(5));
    }

    [Fact]
    public void AppendsToAnExistingJournalWithoutASecondHeader()
    {
        var path = files.NewPath();
        using (var first = files.Open(path))
        {
            first.WriteIntent(1, JournalFiles.Hash, "c-1", "a", "HiveSql", SentAt);
        }

        using (var second = files.Open(path))
        {
            second.WriteIntent(2, JournalFiles.Hash, "c-1", "b", "HiveSql", SentAt);
        }

        var lines = JournalFiles.Lines(path);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"row\":2", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheRowAndThePathWhenTheInputIsNotWhatTheJournalRecorded()
    {
        using var journal = files.Open(files.NewPath());

        var error = journal.MismatchError(7);

        Assert.Equal(JournalProblem.WrittenForOtherInput, error.Problem);
        Assert.Equal(7, error.Row);
        Assert.Equal(
            $"Row 7 of the input is not the job that journal '{journal.Path}' recorded for row 7: the journal was written for other input. " +
            "Use a new -JournalPath for this input, or rerun with the input the journal was written for. Nothing was sent.",
            error.Message);
    }

    [Fact]
    public void RefusesARecordTheNextRunCouldNotReadAndWritesNothing()
    {
        var path = files.NewPath();
        using (var journal = files.Open(path))
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => journal.WriteIntent(0, JournalFiles.Hash, "c-1", "a", "HiveSql", SentAt));
            Assert.Throws<ArgumentException>(() => journal.WriteOutcome(1, string.Empty, new JournalOutcome(JournalOutcomeKind.Accepted)));
        }

        Assert.Equal(JournalFiles.HeaderLine, File.ReadAllText(path));
    }

    [Fact]
    public void RefusesAPathInAFolderThatDoesNotExistAsCannotWrite()
    {
        var path = Path.Combine(Path.GetDirectoryName(files.NewPath())!, "missing", "run.jsonl");

        var error = Assert.Throws<JournalException>(() => files.Open(path));

        Assert.Equal(JournalProblem.CannotWrite, error.Problem);
        Assert.StartsWith($"Journal '{path}' cannot be written:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToWriteAfterItIsDisposed()
    {
        var journal = files.Open(files.NewPath());
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.WriteIntent(1, JournalFiles.Hash, "c-1", "a", "HiveSql", SentAt));
    }

    private static string Outcome(int row, string hash, string outcome) =>
        $"{{\"type\":\"outcome\",\"row\":{row},\"hash\":\"{hash}\",\"outcome\":\"{outcome}\",\"job_id\":null,\"state\":null,\"project_id\":null,\"at\":\"2026-11-26T06:00:00.000Z\",\"error_code\":null,\"message\":null}}\n";
}
