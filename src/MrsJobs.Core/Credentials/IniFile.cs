using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// The SDKs' credentials file as INI: <c>[section]</c> headers, <c>key = value</c> (or <c>key: value</c>, as
/// configparser and go-ini allow) with whitespace around the delimiter, whole-line comments starting with
/// <c>#</c> or <c>;</c>, blank lines, LF or CRLF, an optional UTF-8 byte order mark. As strict as Python's
/// configparser, the strictest of the SDKs' readers: a line that is none of these, a key before any section
/// and a key given twice in a section are errors that name the file and the line, never the text.
/// A section header given twice continues the section (go-ini merges; configparser would refuse).
/// </summary>
internal sealed class IniFile
{
    private readonly Dictionary<string, IniSection> _sections = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    private IniFile(string path)
    {
        Path = path;
    }

    /// <summary>The file, for messages.</summary>
    public string Path { get; }

    /// <summary>The section names in the order they first appear.</summary>
    public IReadOnlyList<string> SectionNames => _order;

    /// <summary>A section by its exact name; <c>null</c> when the file has none of that name.</summary>
    public IniSection? Section(string name) => _sections.TryGetValue(name, out var section) ? section : null;

    /// <summary>The section names for a message: <c>[global], [Basic]</c>.</summary>
    public string DescribeSections() => string.Join(", ", _order.Select(name => $"[{name}]"));

    /// <summary>Reads INI text.</summary>
    /// <param name="reader">The text; a leading byte order mark is skipped.</param>
    /// <param name="path">The file the text came from, for messages.</param>
    /// <exception cref="CredentialsException">The text is not INI as described above (<see cref="CredentialsProblem.MalformedFile"/>).</exception>
    public static IniFile Parse(TextReader reader, string path)
    {
        var file = new IniFile(path);
        IniSection? current = null;
        var number = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            number++;
            var line = (number == 1 ? raw.TrimStart('\uFEFF') : raw).Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            current = line[0] == '['
                ? file.OpenSection(line, number)
                : file.AddEntry(current, line, number);
        }

        return file;
    }

    private IniSection OpenSection(string line, int number)
    {
        if (line[line.Length - 1] != ']')
        {
            throw Malformed(number, "a section header must end with ']' (and cannot carry a comment).");
        }

        var name = line.Substring(1, line.Length - 2).Trim();
        if (name.Length == 0)
        {
            throw Malformed(number, "the section name between '[' and ']' is empty.");
        }

        if (!_sections.TryGetValue(name, out var section))
        {
            section = new IniSection(name, number);
            _sections.Add(name, section);
            _order.Add(name);
        }

        return section;
    }

    private IniSection AddEntry(IniSection? section, string line, int number)
    {
        var delimiter = line.IndexOfAny(new[] { '=', ':' });
        if (delimiter < 0)
        {
            throw Malformed(number, "the line is not 'key = value', a [section] header or a comment ('#' or ';' first).");
        }

        var key = line.Substring(0, delimiter).Trim();
        if (key.Length == 0)
        {
            throw Malformed(number, $"there is no key before '{line[delimiter]}'.");
        }

        if (section is null)
        {
            throw Malformed(number, $"{ProfileKeys.Display(key)} comes before any section; put it under [{ProfileKeys.BasicSection}].");
        }

        var entry = new IniEntry(key, Unquote(line.Substring(delimiter + 1).Trim()), number);
        if (!section.TryAdd(entry, out var first))
        {
            throw Malformed(number, $"{ProfileKeys.Display(key)} is given again in [{section.Name}] (first at line {first.Line}); keep one.");
        }

        return section;
    }

    // go-ini drops one pair of surrounding quotes; configparser and .NET keep them. No key, token or id
    // contains quotes, so dropping them is never wrong and saves a puzzling signature failure.
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2).Trim()
            : value;

    private CredentialsException Malformed(int line, string problem) =>
        new($"Credentials file '{Path}', line {line}: {problem}", CredentialsProblem.MalformedFile, Path, line);
}
