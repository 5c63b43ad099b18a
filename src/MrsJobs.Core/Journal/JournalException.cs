using System;

namespace MrsJobs.Core.Journal;

/// <summary>
/// A submission journal that cannot be used. Messages name the journal's path and, where one is at fault, the row;
/// they never contain argument or property values.
/// </summary>
public sealed class JournalException : Exception
{
    /// <summary>Creates the exception; use the factories, which word the messages consistently.</summary>
    internal JournalException(JournalProblem problem, string journalPath, int? row, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        JournalPath = journalPath;
        Row = row;
    }

    /// <summary>What is wrong with the journal.</summary>
    public JournalProblem Problem { get; }

    /// <summary>The journal's full path.</summary>
    public string JournalPath { get; }

    /// <summary>The input row concerned, when one is.</summary>
    public int? Row { get; }

    /// <summary>Another run has the journal open.</summary>
    internal static JournalException InUse(string path, Exception? cause = null) => new(
        JournalProblem.InUse,
        path,
        null,
        $"Journal '{path}' is in use by another run (another process, or another command in this session). " +
        "Wait for that run to finish, or use a different -JournalPath. Nothing was sent.",
        cause);

    /// <summary>The file's first line is not a journal header: it is some other file.</summary>
    internal static JournalException NotAJournal(string path) => new(
        JournalProblem.Unreadable,
        path,
        null,
        $"File '{path}' is not a MrsJobs journal: its first line is not a journal header. " +
        "Use a new -JournalPath; the file was left as it is. Nothing was sent.");

    /// <summary>The header names a format version this module does not read.</summary>
    internal static JournalException OtherVersion(string path, int version) => new(
        JournalProblem.Unreadable,
        path,
        null,
        $"Journal '{path}' is of format version {version}; this module reads version {SubmissionJournal.FormatVersion}. " +
        "Use the module version that wrote it, or a new -JournalPath. Nothing was sent.");

    /// <summary>A line other than the last is not a journal record.</summary>
    internal static JournalException DamagedLine(string path, int lineNumber) => new(
        JournalProblem.Unreadable,
        path,
        null,
        $"Journal '{path}' cannot be read: line {lineNumber} is not a journal record, and it is not the last line. " +
        "Repair or remove that line, or use a new -JournalPath. Nothing was sent.");

    /// <summary>The file could not be read at all.</summary>
    internal static JournalException ReadFailed(string path, Exception cause) => new(
        JournalProblem.Unreadable,
        path,
        null,
        $"Journal '{path}' cannot be read: {cause.Message} Nothing was sent.",
        cause);

    /// <summary>A row of the input is not the job the journal recorded for it.</summary>
    internal static JournalException WrittenForOtherInput(string path, int row) => new(
        JournalProblem.WrittenForOtherInput,
        path,
        row,
        $"Row {row} of the input is not the job that journal '{path}' recorded for row {row}: the journal was written for other input. " +
        "Use a new -JournalPath for this input, or rerun with the input the journal was written for. Nothing was sent.");

    /// <summary>The journal could not be created, opened for writing or repaired.</summary>
    internal static JournalException CannotOpen(string path, Exception cause) => new(
        JournalProblem.CannotWrite,
        path,
        null,
        $"Journal '{path}' cannot be written: {cause.Message} Nothing was sent.",
        cause);

    /// <summary>A row's intent could not be recorded, so its job must not be sent.</summary>
    internal static JournalException IntentNotRecorded(string path, int row, Exception? cause) => new(
        JournalProblem.CannotWrite,
        path,
        row,
        $"Journal '{path}' could not record that row {row} is about to be sent{Reason(cause)} The job of row {row} was not sent.",
        cause);

    /// <summary>A row's outcome could not be recorded; a rerun will reconcile the row by listing the cluster's jobs.</summary>
    internal static JournalException OutcomeNotRecorded(string path, int row, Exception? cause) => new(
        JournalProblem.CannotWrite,
        path,
        row,
        $"Journal '{path}' could not record the outcome of row {row}{Reason(cause)} " +
        "A rerun with this journal will look for the row's job on the cluster before sending it again.",
        cause);

    private static string Reason(Exception? cause) => cause is null
        ? ": an earlier write to the journal failed."
        : ": " + cause.Message;
}
