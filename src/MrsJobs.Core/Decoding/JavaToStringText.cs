using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MrsJobs.Core.Input;

namespace MrsJobs.Core.Decoding;

/// <summary>
/// Reads back the <c>arguments</c> and <c>properties</c> texts that the job list and detail return:
/// Java's <c>toString()</c> of a list (<c>[a, b, c]</c>) and of a map (<c>{k1=v1, k2=v2}</c>). A JSON
/// array or object is read too, in case a service version sends real JSON.
/// </summary>
/// <remarks>
/// The text is ambiguous where an item itself holds <c>", "</c> (list) or a value holds <c>", k="</c>
/// (map): Java does not escape. A list is split at every <c>", "</c>; a map piece without <c>=</c> is
/// glued back to the value before it, which is right for values with commas. The raw text is kept
/// beside the parsed value for the cases no parser can settle.
/// </remarks>
internal static class JavaToStringText
{
    private const string Separator = ", ";

    /// <summary>Parses a list text. <c>false</c> when the text is neither <c>[…]</c> nor a JSON array of scalars.</summary>
    public static bool TryParseList(string? text, out string[] items)
    {
        items = Array.Empty<string>();
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 2 || trimmed[0] != '[' || trimmed[trimmed.Length - 1] != ']')
        {
            return false;
        }

        if (TryParseJsonArray(trimmed, out items))
        {
            return true;
        }

        var inner = trimmed.Substring(1, trimmed.Length - 2);
        items = inner.Length == 0 ? Array.Empty<string>() : inner.Split(new[] { Separator }, StringSplitOptions.None);
        return true;
    }

    /// <summary>Parses a map text. <c>false</c> when the text is neither <c>{…}</c> of <c>k=v</c> pieces nor a JSON object.</summary>
    public static bool TryParseMap(string? text, out IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        pairs = Array.Empty<KeyValuePair<string, string>>();
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[trimmed.Length - 1] != '}')
        {
            return false;
        }

        if (TryParseJsonObject(trimmed, out pairs))
        {
            return true;
        }

        var inner = trimmed.Substring(1, trimmed.Length - 2);
        var list = new List<KeyValuePair<string, string>>();
        if (inner.Length == 0)
        {
            pairs = list;
            return true;
        }

        foreach (var piece in inner.Split(new[] { Separator }, StringSplitOptions.None))
        {
            var equals = piece.IndexOf('=');
            if (equals > 0)
            {
                list.Add(new KeyValuePair<string, string>(piece.Substring(0, equals), piece.Substring(equals + 1)));
            }
            else if (list.Count > 0)
            {
                var last = list[list.Count - 1];
                list[list.Count - 1] = new KeyValuePair<string, string>(last.Key, last.Value + Separator + piece);
            }
            else
            {
                return false;
            }
        }

        pairs = list;
        return true;
    }

    /// <summary>Writes a list the way Java's <c>toString()</c> does: <c>[a, b, c]</c>.</summary>
    public static string FormatList(IEnumerable<string> items) => "[" + string.Join(Separator, items) + "]";

    /// <summary>Writes a map the way Java's <c>toString()</c> does: <c>{k1=v1, k2=v2}</c>.</summary>
    public static string FormatMap(IEnumerable<KeyValuePair<string, string>> pairs) =>
        "{" + string.Join(Separator, pairs.Select(p => p.Key + "=" + p.Value)) + "}";

    private static bool TryParseJsonArray(string text, out string[] items)
    {
        items = Array.Empty<string>();
        if (!TryParseJson(text, JsonValueKind.Array, out var root))
        {
            return false;
        }

        var list = new List<string>();
        foreach (var item in root.EnumerateArray())
        {
            if (!JsonScalar.TryToText(item, out var value))
            {
                return false;
            }

            list.Add(value);
        }

        items = list.ToArray();
        return true;
    }

    private static bool TryParseJsonObject(string text, out IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        pairs = Array.Empty<KeyValuePair<string, string>>();
        if (!TryParseJson(text, JsonValueKind.Object, out var root))
        {
            return false;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var member in root.EnumerateObject())
        {
            if (!JsonScalar.TryToText(member.Value, out var value))
            {
                return false;
            }

            list.Add(new KeyValuePair<string, string>(member.Name, value));
        }

        pairs = list;
        return true;
    }

    private static bool TryParseJson(string text, JsonValueKind kind, out JsonElement root)
    {
        root = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != kind)
            {
                return false;
            }

            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
