using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MrsJobs.Core.Regions;

/// <summary>One line of YAML that carries something: its number (1-based), indentation and text without the indentation.</summary>
internal readonly struct YamlLine
{
    /// <summary>Creates the line.</summary>
    public YamlLine(int number, int indent, string text)
    {
        Number = number;
        Indent = indent;
        Text = text;
    }

    /// <summary>The line number, 1-based.</summary>
    public int Number { get; }

    /// <summary>How many spaces come before the text.</summary>
    public int Indent { get; }

    /// <summary>The text after the indentation, trailing whitespace removed (a comment may remain).</summary>
    public string Text { get; }

    /// <summary><c>true</c> for a block sequence item: <c>-</c> followed by a space or nothing.</summary>
    public bool IsItem => Text == "-" || Text.StartsWith("- ", StringComparison.Ordinal);
}

/// <summary>
/// The few pieces of YAML that the regions file needs: lines with their indentation, <c>key: value</c>,
/// plain, 'single' and "double" quoted scalars, <c>[a, b]</c> lists and <c>#</c> comments. Anything else
/// (tabs as indentation, anchors, tags, block scalars, nested flow collections) is reported, never guessed at.
/// Problems are sentences for <see cref="EndpointErrors.Malformed"/>; none quotes a value.
/// </summary>
internal static class YamlText
{
    /// <summary>Makes the exception for a problem on a line.</summary>
    public delegate Exception Failure(int line, string problem);

    /// <summary>The lines that carry something: blank lines, whole-line comments and a leading <c>---</c> are left out.</summary>
    public static List<YamlLine> Lines(TextReader reader, Failure fail)
    {
        var lines = new List<YamlLine>();
        var number = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            number++;
            var text = (number == 1 ? raw.TrimStart('\uFEFF') : raw).TrimEnd();
            var indent = 0;
            while (indent < text.Length && text[indent] == ' ')
            {
                indent++;
            }

            if (indent < text.Length && text[indent] == '\t')
            {
                throw fail(number, "YAML does not allow tabs for indentation; use spaces.");
            }

            text = text.Substring(indent);
            if (text.Length == 0 || text[0] == '#' || (text == "---" && lines.Count == 0))
            {
                continue;
            }

            if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
            {
                throw fail(number, "the file must hold one YAML document; only a leading '---' is read.");
            }

            lines.Add(new YamlLine(number, indent, text));
        }

        return lines;
    }

    /// <summary>Splits <c>key: rest</c> (or <c>key:</c>); <c>false</c> when the text is not a key and a colon.</summary>
    public static bool TrySplitKey(string text, int line, Failure fail, out string key, out string rest)
    {
        key = rest = string.Empty;
        int end;
        if (text.Length > 0 && text[0] is '\'' or '"')
        {
            key = Quoted(text, line, fail, out end);
        }
        else
        {
            end = text.IndexOf(": ", StringComparison.Ordinal);
            end = end < 0 && text.EndsWith(":", StringComparison.Ordinal) ? text.Length - 1 : end;
            if (end <= 0)
            {
                return false;
            }

            key = text.Substring(0, end).TrimEnd();
        }

        if (end >= text.Length || text[end] != ':' || (end + 1 < text.Length && text[end + 1] != ' '))
        {
            return false;
        }

        rest = text.Substring(end + 1).Trim();
        return key.Length > 0;
    }

    /// <summary>A scalar value; <c>null</c> when there is none (nothing, or only a comment).</summary>
    public static string? Scalar(string text, int line, Failure fail)
    {
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        if (text[0] is '\'' or '"')
        {
            var value = Quoted(text, line, fail, out var end);
            EnsureOnlyComment(text.Substring(end), line, fail);
            return value;
        }

        if ("&*!|>%@`{}[],?".IndexOf(text[0]) >= 0 || text.StartsWith("- ", StringComparison.Ordinal))
        {
            throw fail(line, $"a value starting with '{text[0]}' is YAML this reader does not take; quote the value.");
        }

        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        var plain = (comment < 0 ? text : text.Substring(0, comment)).TrimEnd();
        return plain.IndexOf(": ", StringComparison.Ordinal) >= 0
            ? throw fail(line, "a value cannot contain ': ' unless it is quoted.")
            : plain;
    }

    /// <summary>The items of a one-line flow list <c>[a, 'b']</c>; the caller has seen the <c>[</c>.</summary>
    public static List<string> FlowList(string text, int line, Failure fail)
    {
        var items = new List<string>();
        var position = 1;
        while (true)
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            if (position < text.Length && text[position] == ']' && items.Count == 0)
            {
                break;
            }

            var start = position;
            var quote = position < text.Length && text[position] is '\'' or '"';
            if (quote)
            {
                Quoted(text.Substring(start), line, fail, out var length);
                position = start + length;
            }

            while (position < text.Length && text[position] is not (',' or ']'))
            {
                position++;
            }

            if (position >= text.Length)
            {
                throw fail(line, "a '[' list must end with ']' on the same line.");
            }

            var item = Scalar(text.Substring(start, position - start).Trim(), line, fail);
            items.Add(item ?? throw fail(line, "a list item is empty."));
            if (text[position] == ']')
            {
                break;
            }

            position++;
        }

        EnsureOnlyComment(text.Substring(position + 1), line, fail);
        return items;
    }

    // A 'single' ('' is a quote) or "double" (\\ and \" escapes) quoted scalar at the start of the text;
    // end is the index just past the closing quote.
    private static string Quoted(string text, int line, Failure fail, out int end)
    {
        var quote = text[0];
        var value = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote && quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else if (c == quote)
            {
                end = i + 1;
                return value.ToString();
            }
            else if (c == '\\' && quote == '"')
            {
                if (i + 1 >= text.Length || text[i + 1] is not ('\\' or '"'))
                {
                    throw fail(line, "only the escapes \\\\ and \\\" are read in a double-quoted value.");
                }

                value.Append(text[++i]);
            }
            else
            {
                value.Append(c);
            }
        }

        throw fail(line, "a quoted value must end on the line it starts.");
    }

    private static void EnsureOnlyComment(string rest, int line, Failure fail)
    {
        var trimmed = rest.Trim();
        if (trimmed.Length > 0 && !(trimmed[0] == '#' && rest.Length > 0 && rest[0] == ' '))
        {
            throw fail(line, "only a comment ('#' after a space) may follow a value.");
        }
    }
}
