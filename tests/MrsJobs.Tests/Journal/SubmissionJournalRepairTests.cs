using System;
using System.IO;
using MrsJobs.Core.Journal;
using Xunit;

namespace MrsJobs.Tests.Journal;

/// <summary><see cref="SubmissionJournal"/> opening files an earlier run left damaged, or files that are no journal.</summary>
public sealed class SubmissionJournalRepairTests : IDisposable
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    private readonly JournalFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void IgnoresATornLastLineWithAWarningAndCutsItOff()
    {
        var good = JournalFiles.HeaderLine + JournalFiles.IntentLine(1);
        var path = files.WithText(good + "{\"type\":\"outcome\",\"row\":1,\"ha");

        using (var journal = files.Open(path))
        {
            var warning = Assert.Single(journal.Warnings);
            Assert.Equal(
                $"The last line of journal '{journal.Path}' is incomplete (the previous run stopped while writing it); it is ignored.",
                warning);
            Assert.Null(journal.Find(1)!.Outcome);
            Assert.Equal(good, File.ReadAllText(path));
        }
    }

    [Fact]
    public void StartsTheNextRecordOnItsOwnLineAfterATornLine()
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(1) + "{\"type\":\"outc");

        using (var journal = files.Open(path))
        {
            journal.WriteIntent(2, JournalFiles.Hash, "c-1", "b", "HiveSql", SentAt);
        }

        using var reopened = files.Open(path);
        Assert.Empty(reopened.Warnings);
        Assert.NotNull(reopened.Find(2));
        Assert.Equal(3, JournalFiles.Lines(path).Length);
    }

    [Fact]
    public void IgnoresACompleteRecordWhoseNewlineWasNeverWritten()
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(1).TrimEnd('\n'));

        using var journal = files.Open(path);

        Assert.Single(journal.Warnings);
        Assert.Null(journal.Find(1));
        Assert.Equal(JournalFiles.HeaderLine, File.ReadAllText(path));
    }

    [Fact]
    public void IgnoresADamagedLastLineThatEndsWithANewline()
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(1) + "\0\0\0\0\n");

        using var journal = files.Open(path);

        Assert.Contains("(line 3) is not a journal record; it is ignored.", Assert.Single(journal.Warnings), StringComparison.Ordinal);
        Assert.Equal(JournalFiles.HeaderLine + JournalFiles.IntentLine(1), File.ReadAllText(path));
    }

    [Theory]
    [InlineData("not json at all\n")]
    [InlineData("{\"type\":\"intent\",\"row\":0,\"hash\":\"abc\",\"at\":\"2026-11-26T06:00:00.000Z\"}\n")]
    [InlineData("{\"type\":\"outcome\",\"row\":2,\"hash\":\"abc\",\"outcome\":\"maybe\"}\n")]
    [InlineData("{\"type\":\"comment\",\"row\":2}\n")]
    [InlineData("{\"row\":2,\"type\":\"intent\"}\n")]
    public void RefusesADamagedLineInTheMiddleNamingItsLineNumber(string damaged)
    {
        var path = files.WithText(JournalFiles.HeaderLine + JournalFiles.IntentLine(1) + damaged + JournalFiles.IntentLine(2));
        var before = File.ReadAllText(path);

        var error = Assert.Throws<JournalException>(() => files.Open(path));

        Assert.Equal(JournalProblem.Unreadable, error.Problem);
        Assert.Contains("line 3 is not a journal record", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("row,cluster_id,job_name\n1,c-1,a\n")]
    [InlineData("{\"type\":\"intent\",\"row\":1}\n")]
    [InlineData("row,cluster_id,job_name")]
    public void RefusesAFileWhoseFirstLineIsNotTheHeaderAndLeavesItAlone(string text)
    {
        var path = files.WithText(text);

        var error = Assert.Throws<JournalException>(() => files.Open(path));

        Assert.Equal(JournalProblem.Unreadable, error.Problem);
        Assert.Contains("is not a MrsJobs journal", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void RefusesAJournalOfAnotherFormatVersion()
    {
        var path = files.WithText(JournalFiles.HeaderLine.Replace("\"version\":1", "\"version\":2"));

        var error = Assert.Throws<JournalException>(() => files.Open(path));

        Assert.Equal(JournalProblem.Unreadable, error.Problem);
        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RewritesAHeaderTheFirstRunDidNotFinish()
    {
        var path = files.WithText("{\"type\":\"journal\",\"vers");

        using var journal = files.Open(path);

        Assert.Single(journal.Warnings);
        Assert.Equal(JournalFiles.HeaderLine, File.ReadAllText(path));
    }

    [Fact]
    public void TakesAnEmptyFileAsANewJournal()
    {
        var path = files.WithText(string.Empty);

        using var journal = files.Open(path);

        Assert.Empty(journal.Warnings);
        Assert.Equal(JournalFiles.HeaderLine, File.ReadAllText(path));
    }

    [Fact]
    public void ReadsAJournalAPersonSavedWithBlankLinesAndWindowsLineEnds()
    {
        var path = files.WithText("\uFEFF" + JournalFiles.HeaderLine.Replace("\n", "\r\n") + "\r\n" + JournalFiles.IntentLine(4).Replace("\n", "\r\n") + "\n");

        using var journal = files.Open(path);

        Assert.Empty(journal.Warnings);
        Assert.Equal(4, journal.HighestRow);
    }
}
