using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MrsJobs.Core.Input;

/// <summary>
/// Reads a <c>properties</c> cell. A cell whose first non-blank character is <c>{</c> is a JSON
/// object with scalar values; any other cell holds <c>key=value</c> pairs separated by <c>;</c> or
/// line breaks (the value is everything after the first <c>=</c>, trimmed, and may hold spaces).
/// A value that looks like two pairs glued by a space (<c>a=1 b=2</c>) is refused as ambiguous.
/// <see cref="Write"/> writes the plain notation when it reads back the same, else the JSON notation.
/// </summary>
internal static class PropertiesCell
{
    private static readonly char[] PairSeparators = { ';', '\n', '\r' };

    // "… key.name=" after whitespace inside a value: almost surely a forgotten ';'.
    private static readonly Regex GluedPair = new(@"\s[A-Za-z][A-Za-z0-9_.\-]*=", RegexOptions.CultureInvariant);

    /// <summary>Tells which notation <paramref name="text"/> uses.</summary>
    public static CellNotation Detect(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return CellNotation.Empty;
        }

        return trimmed[0] == '{' ? CellNotation.Json : CellNotation.Plain;
    }

    /// <summary>Parses the cell into pairs, in the order written.</summary>
    /// <exception cref="CellParseException">The cell does not follow either notation.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text)
    {
        switch (Detect(text))
        {
            case CellNotation.Empty:
                return Array.Empty<KeyValuePair<string, string>>();
            case CellNotation.Json:
                return ParseJson(text!.Trim());
            default:
                return ParsePairs(text!);
        }
    }

    /// <summary>
    /// Writes properties as a cell that <see cref="Parse"/> reads back as the same pairs: <c>key=value</c>
    /// pairs separated by <c>;</c> when every pair survives that notation, else a JSON object; an empty text for none.
    /// </summary>
    public static string Write(IReadOnlyCollection<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return string.Empty;
        }

        if (pairs.All(FitsPlain))
        {
            var plain = string.Join(";", pairs.Select(p => p.Key + "=" + p.Value));
            if (ReadsBackAs(plain, pairs))
            {
                return plain;
            }
        }

        return CellJson.Object(pairs);
    }

    // What the plain notation cannot carry: separators, an '=' in a key, blanks it would trim, an empty key.
    private static bool FitsPlain(KeyValuePair<string, string> pair) =>
        pair.Key.Length > 0
        && pair.Key.IndexOf('=') < 0
        && pair.Key.IndexOfAny(PairSeparators) < 0
        && pair.Value.IndexOfAny(PairSeparators) < 0
        && pair.Key.Trim().Length == pair.Key.Length
        && pair.Value.Trim().Length == pair.Value.Length;

    // The last word on ambiguity (a leading '{', a value that reads as glued pairs): read it back.
    private static bool ReadsBackAs(string plain, IReadOnlyCollection<KeyValuePair<string, string>> pairs)
    {
        try
        {
            return Parse(plain).SequenceEqual(pairs, PairComparer.Instance);
        }
        catch (CellParseException)
        {
            return false;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ParsePairs(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var position = 0;
        foreach (var rawPair in text.Split(PairSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (rawPair.Trim().Length == 0)
            {
                continue;
            }

            position++;
            var equals = rawPair.IndexOf('=');
            // An empty key ("=v") is a pair all the same: the property rules refuse it (PropertyKeyRequired), as for JSON and hashtables.
            if (equals < 0)
            {
                throw new CellParseException(
                    "properties",
                    $"pair {position} is not of the form key=value. Separate pairs with ';' or write a JSON object such as {{\"key\":\"value\"}}.");
            }

            var key = rawPair.Substring(0, equals).Trim();
            var value = rawPair.Substring(equals + 1).Trim();
            if (GluedPair.IsMatch(value))
            {
                throw new CellParseException(
                    "properties",
                    $"the value of '{key}' looks like several pairs separated by spaces. Separate pairs with ';' (a=1;b=2) or write a JSON object.");
            }

            pairs.Add(new KeyValuePair<string, string>(key, value));
        }

        return pairs;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ParseJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CellParseException(
                "properties",
                $"the cell starts with '{{' so it must be a JSON object, but it is not valid JSON (error near character {ex.BytePositionInLine + 1}). Write it as {{\"key\":\"value\"}} or as key=value pairs separated by ';'.");
        }

        using (document)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                pairs.Add(new KeyValuePair<string, string>(
                    property.Name,
                    JsonScalar.ToText(property.Value, "properties", $"the value of '{property.Name}'")));
            }

            return pairs;
        }
    }

    private sealed class PairComparer : IEqualityComparer<KeyValuePair<string, string>>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals(KeyValuePair<string, string> x, KeyValuePair<string, string> y) =>
            string.Equals(x.Key, y.Key, StringComparison.Ordinal) && string.Equals(x.Value, y.Value, StringComparison.Ordinal);

        public int GetHashCode(KeyValuePair<string, string> pair) => StringComparer.Ordinal.GetHashCode(pair.Key);
    }
}
