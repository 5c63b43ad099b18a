using System;
using System.Globalization;
using System.Text.Json;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Journal;

/// <summary>
/// Turns journal records into lines and lines back into records: the wire spelling of outcomes and times, and what a
/// well-formed record must hold. Knows nothing of files.
/// </summary>
internal static class JournalRecordCodec
{
    /// <summary>What the header's <c>tool</c> member says.</summary>
    public const string ToolName = "MrsJobs";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The header line, with its newline.</summary>
    public static byte[] HeaderLine(DateTimeOffset created) => ToLine(new JournalHeaderBody
    {
        Version = SubmissionJournal.FormatVersion,
        Created = FormatTime(created),
        Tool = ToolName,
    });

    /// <summary>An intent line, with its newline.</summary>
    public static byte[] IntentLine(int row, string hash, string clusterId, string jobName, string jobType, DateTimeOffset sentAt) =>
        ToLine(new JournalIntentBody
        {
            Row = row,
            Hash = hash,
            ClusterId = clusterId,
            JobName = jobName,
            JobType = jobType,
            At = FormatTime(sentAt),
        });

    /// <summary>An outcome line, with its newline.</summary>
    public static byte[] OutcomeLine(int row, string hash, JournalOutcome outcome) => ToLine(new JournalOutcomeBody
    {
        Row = row,
        Hash = hash,
        Outcome = KindName(outcome.Kind),
        JobId = outcome.JobId,
        State = outcome.State,
        ProjectId = outcome.ProjectId,
        At = outcome.At is { } at ? FormatTime(at) : null,
        ErrorCode = outcome.ErrorCode,
        Message = outcome.Message,
    });

    /// <summary>Reads one line (without its newline) as a record, or gives null when it is not valid JSON of a known type.</summary>
    public static JournalRecordBody? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, MrsJsonContext.Wire.JournalRecordBody);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            // A JSON object without a leading "type" member.
            return null;
        }
    }

    /// <summary>
    /// The row an intent or outcome record speaks of (an intent as <see cref="JournalRow.IntentAt"/>, an outcome as
    /// <see cref="JournalRow.Outcome"/>), or null when the record is not a well-formed intent or outcome.
    /// </summary>
    public static JournalRow? ToRow(JournalRecordBody record) => record switch
    {
        JournalIntentBody { Row: > 0, Hash: { Length: > 0 } hash } intent when TryParseTime(intent.At) is { } at =>
            new JournalRow(intent.Row, hash, at, null),
        JournalOutcomeBody { Row: > 0, Hash: { Length: > 0 } hash } outcome when TryParseKind(outcome.Outcome) is { } kind =>
            new JournalRow(outcome.Row, hash, null, new JournalOutcome(
                kind,
                outcome.JobId,
                outcome.State,
                TryParseTime(outcome.At),
                outcome.ErrorCode,
                outcome.Message,
                outcome.ProjectId)),
        _ => null,
    };

    /// <summary>The wire spelling of an outcome kind: <c>accepted</c>, <c>not_sent</c>, …</summary>
    public static string KindName(JournalOutcomeKind kind) => kind switch
    {
        JournalOutcomeKind.Accepted => "accepted",
        JournalOutcomeKind.Reconciled => "reconciled",
        JournalOutcomeKind.Refused => "refused",
        JournalOutcomeKind.NotSent => "not_sent",
        JournalOutcomeKind.Unknown => "unknown",
        JournalOutcomeKind.Invalid => "invalid",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an outcome kind."),
    };

    private static JournalOutcomeKind? TryParseKind(string? name)
    {
        foreach (JournalOutcomeKind kind in Enum.GetValues(typeof(JournalOutcomeKind)))
        {
            if (string.Equals(KindName(kind), name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? TryParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static byte[] ToLine(JournalRecordBody record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, MrsJsonContext.Wire.JournalRecordBody);
        var line = new byte[json.Length + 1];
        Buffer.BlockCopy(json, 0, line, 0, json.Length);
        line[json.Length] = (byte)'\n';
        return line;
    }
}
