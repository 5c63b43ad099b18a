using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MrsJobs.Core.Input;

/// <summary>
/// Reads an <c>arguments</c> cell. A cell whose first non-blank character is <c>[</c> is a JSON
/// array of strings (numbers and booleans are taken as their text); any other cell is split on
/// whitespace. There is no quoting in the plain notation: the characters a quote would need are
/// forbidden in arguments anyway, so an argument that holds a space must use the JSON notation.
/// <see cref="Write"/> writes the JSON notation, which every list of arguments survives.
/// </summary>
internal static class ArgumentsCell
{
    /// <summary>Tells which notation <paramref name="text"/> uses.</summary>
    public static CellNotation Detect(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return CellNotation.Empty;
        }

        return trimmed[0] == '[' ? CellNotation.Json : CellNotation.Plain;
    }

    /// <summary>Parses the cell into arguments.</summary>
    /// <exception cref="CellParseException">The cell starts with <c>[</c> but is not a JSON array of scalar values.</exception>
    public static IReadOnlyList<string> Parse(string? text)
    {
        switch (Detect(text))
        {
            case CellNotation.Empty:
                return Array.Empty<string>();
            case CellNotation.Json:
                return ParseJson(text!.Trim());
            default:
                return text!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>Writes arguments as a cell that <see cref="Parse"/> reads back as the same list: a JSON array, or an empty text for none.</summary>
    public static string Write(IReadOnlyCollection<string> arguments) =>
        arguments.Count == 0 ? string.Empty : CellJson.Array(arguments);

    private static IReadOnlyList<string> ParseJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CellParseException(
                "arguments",
                $"the cell starts with '[' so it must be a JSON array of strings, but it is not valid JSON (error near character {ex.BytePositionInLine + 1}). Write it as [\"arg1\",\"arg2\"] or as whitespace-separated words without a leading '['.");
        }

        using (document)
        {
            var items = new List<string>();
            var position = 1;   // messages count from 1, as people do
            foreach (var element in document.RootElement.EnumerateArray())
            {
                items.Add(JsonScalar.ToText(element, "arguments", $"item {position}"));
                position++;
            }

            return items;
        }
    }
}
