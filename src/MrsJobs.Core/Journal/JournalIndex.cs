using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Journal;

/// <summary>
/// What earlier runs recorded, one small <see cref="JournalRow"/> per input row, built from the journal's records in
/// file order. The latest attempt of a row is what counts:
/// <list type="bullet">
/// <item>an intent starts a new attempt: it replaces the row's earlier outcome (a rerun resent the row, so the old
/// outcome no longer says whether the job exists);</item>
/// <item>an outcome completes the current attempt, and a later outcome replaces an earlier one;</item>
/// <item>a record with another definition hash than the row's replaces everything known of the row (later runs win).</item>
/// </list>
/// </summary>
internal sealed class JournalIndex
{
    private readonly Dictionary<int, JournalRow> rows = new();

    // Project ids, states, error codes and messages repeat from row to row: one copy of each keeps the index small.
    private readonly Dictionary<string, string> repeatedTexts = new(StringComparer.Ordinal);

    /// <summary>The highest row number with any record; 0 when there is none.</summary>
    public int HighestRow { get; private set; }

    /// <summary>How many rows have records.</summary>
    public int Count => rows.Count;

    /// <summary>What was recorded for the row, or null when nothing was.</summary>
    public JournalRow? Find(int row) => rows.TryGetValue(row, out var found) ? found : null;

    /// <summary>Every job id an earlier run recorded as a row's (accepted or reconciled), with its row.</summary>
    public IEnumerable<KeyValuePair<int, string>> RecordedJobs()
    {
        foreach (var row in rows.Values)
        {
            if (row.Outcome is { JobId.Length: > 0 } outcome && outcome.Kind is JournalOutcomeKind.Accepted or JournalOutcomeKind.Reconciled)
            {
                yield return new KeyValuePair<int, string>(row.Row, outcome.JobId!);
            }
        }
    }

    /// <summary>Takes in one intent (with <see cref="JournalRow.IntentAt"/>) or outcome (with <see cref="JournalRow.Outcome"/>) record.</summary>
    public void Apply(JournalRow record)
    {
        if (record.Row > HighestRow)
        {
            HighestRow = record.Row;
        }

        if (record.Outcome is { } outcome)
        {
            record = record with { Outcome = WithRepeatedTextsShared(outcome) };
        }

        if (!rows.TryGetValue(record.Row, out var known) || known.DefinitionHash != record.DefinitionHash)
        {
            rows[record.Row] = record;
        }
        else if (record.Outcome is null)
        {
            rows[record.Row] = known with { IntentAt = record.IntentAt, Outcome = null };
        }
        else
        {
            rows[record.Row] = known with { Outcome = record.Outcome };
        }
    }

    private JournalOutcome WithRepeatedTextsShared(JournalOutcome outcome) => outcome with
    {
        State = Shared(outcome.State),
        ProjectId = Shared(outcome.ProjectId),
        ErrorCode = Shared(outcome.ErrorCode),
        Message = Shared(outcome.Message),
    };

    private string? Shared(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (repeatedTexts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        repeatedTexts.Add(text, text);
        return text;
    }
}
