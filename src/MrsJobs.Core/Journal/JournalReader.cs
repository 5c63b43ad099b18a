using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Journal;

/// <summary>What reading a journal file found.</summary>
/// <param name="Index">The rows earlier runs recorded.</param>
/// <param name="HasHeader">False when the file is empty (or held only a torn header) and a header must be written.</param>
/// <param name="GoodLength">The offset just past the last good line: appending starts here, and anything after it is cut off.</param>
/// <param name="Warnings">What was ignored, in words for the user.</param>
internal sealed record JournalContents(JournalIndex Index, bool HasHeader, long GoodLength, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads a journal file from its start: checks the header, indexes every record, and forgives a damaged last line
/// (the previous run stopped while writing it) but no other damaged line.
/// </summary>
internal static class JournalReader
{
    private static readonly byte[] HeaderStart = Encoding.UTF8.GetBytes("{\"type\":\"journal\"");
    private static readonly byte[] ByteOrderMark = { 0xEF, 0xBB, 0xBF };

    /// <summary>Reads the whole stream from offset 0.</summary>
    /// <exception cref="JournalException">The file is not a journal, is of another version, or has a damaged line that is not the last.</exception>
    public static JournalContents Read(Stream stream, string path)
    {
        stream.Position = 0;
        var index = new JournalIndex();
        var warnings = new List<string>();
        var hasHeader = false;
        long goodLength = 0;
        JournalLine? damaged = null;
        foreach (var line in JournalLineScanner.Read(stream))
        {
            if (line.HasNewline && line.IsBlank)
            {
                goodLength = damaged is null && hasHeader ? line.End : goodLength;
                continue;
            }

            if (damaged is { } earlier)
            {
                throw JournalException.DamagedLine(path, earlier.Number);
            }

            if (!hasHeader)
            {
                hasHeader = IsHeader(line, path);
                goodLength = hasHeader ? line.End : 0;
                damaged = hasHeader ? null : line;
                continue;
            }

            if (ToRow(line) is { } row)
            {
                index.Apply(row);
                goodLength = line.End;
            }
            else
            {
                damaged = line;
            }
        }

        if (damaged is { } last)
        {
            warnings.Add(last.HasNewline
                ? $"The last line of journal '{path}' (line {last.Number}) is not a journal record; it is ignored."
                : $"The last line of journal '{path}' is incomplete (the previous run stopped while writing it); it is ignored.");
        }

        return new JournalContents(index, hasHeader, goodLength, warnings);
    }

    private static JournalRow? ToRow(JournalLine line) =>
        line.HasNewline && !line.TooLong && JournalRecordCodec.TryParse(line.Text) is { } record
            ? JournalRecordCodec.ToRow(record)
            : null;

    /// <summary>True for a good header; false for a header the previous run did not finish writing; throws for anything else.</summary>
    private static bool IsHeader(JournalLine line, string path)
    {
        var text = WithoutByteOrderMark(line.Text);
        if (!line.HasNewline)
        {
            return IsStartOfHeader(text) ? false : throw JournalException.NotAJournal(path);
        }

        if (line.TooLong || JournalRecordCodec.TryParse(text) is not JournalHeaderBody { Tool: JournalRecordCodec.ToolName } header)
        {
            throw JournalException.NotAJournal(path);
        }

        return header.Version == SubmissionJournal.FormatVersion
            ? true
            : throw JournalException.OtherVersion(path, header.Version);
    }

    /// <summary>True when the text is the start of a header line, or a piece of that start (a header torn early).</summary>
    private static bool IsStartOfHeader(ReadOnlySpan<byte> text)
    {
        var compared = Math.Min(text.Length, HeaderStart.Length);
        return text.Slice(0, compared).SequenceEqual(HeaderStart.AsSpan(0, compared));
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(ArraySegment<byte> text)
    {
        var span = text.AsSpan();
        return span.StartsWith(ByteOrderMark) ? span.Slice(ByteOrderMark.Length) : span;
    }
}
