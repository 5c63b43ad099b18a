using System;
using System.Collections.Generic;
using System.IO;

namespace MrsJobs.Core.Journal;

/// <summary>One line of a journal file as the scanner saw it.</summary>
/// <param name="Number">The line number, from 1.</param>
/// <param name="Text">The line's bytes without its newline; valid only until the scanner moves on.</param>
/// <param name="End">The file offset just past the line (and past its newline, when it has one).</param>
/// <param name="HasNewline">False for a last line the previous run did not finish writing.</param>
/// <param name="TooLong">True when the line is longer than <see cref="JournalLineScanner.LongestLine"/>; its text is then cut short.</param>
internal readonly record struct JournalLine(int Number, ArraySegment<byte> Text, long End, bool HasNewline, bool TooLong)
{
    /// <summary>True for a line of only spaces, tabs and carriage returns.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = Text.Offset; i < Text.Offset + Text.Count; i++)
            {
                var b = Text.Array![i];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r')
                {
                    return false;
                }
            }

            return !TooLong;
        }
    }
}

/// <summary>
/// Reads a journal file line by line (split on <c>\n</c>) from its start, keeping track of byte offsets so that a
/// damaged last line can be cut off. Memory stays bounded whatever the file holds: a line longer than
/// <see cref="LongestLine"/> is reported as too long rather than kept.
/// </summary>
internal static class JournalLineScanner
{
    /// <summary>The longest line kept whole (1 MiB); journal records are a few hundred bytes.</summary>
    public const int LongestLine = 1 << 20;

    private const int ChunkSize = 64 * 1024;

    /// <summary>The file's lines, in order. Each line's <see cref="JournalLine.Text"/> is reused for the next line.</summary>
    public static IEnumerable<JournalLine> Read(Stream stream)
    {
        var chunk = new byte[ChunkSize];
        var line = new MemoryStream();
        var tooLong = false;
        long offset = 0;
        var number = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var stop = newline < 0 ? read : newline;
                tooLong |= !Keep(line, chunk, start, stop - start);
                offset += stop - start;
                if (newline < 0)
                {
                    break;
                }

                offset++;
                yield return new JournalLine(++number, Contents(line), offset, HasNewline: true, tooLong);
                line.SetLength(0);
                tooLong = false;
                start = newline + 1;
            }
        }

        if (line.Length > 0 || tooLong)
        {
            yield return new JournalLine(++number, Contents(line), offset, HasNewline: false, tooLong);
        }
    }

    private static bool Keep(MemoryStream line, byte[] chunk, int start, int count)
    {
        var room = LongestLine - (int)line.Length;
        line.Write(chunk, start, Math.Min(room, count));
        return count <= room;
    }

    private static ArraySegment<byte> Contents(MemoryStream line) =>
        new(line.GetBuffer(), 0, (int)line.Length);
}
