using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MrsJobs.Core.Input;

/// <summary>
/// Reads a <c>properties</c> cell. A cell whose first non-blank character is <c>{</c> is a JSON
/// object with scalar values; any other cell holds <c>key=value</c> pairs separated by <c>;</c> or
/// line breaks (the value is everything after the first <c>=</c>, trimmed, and may hold spaces).
/// A value that looks like two pairs glued by a space (<c>a=1 b=2</c>) is refused as ambiguous.
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
}
