using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using MrsJobs.Core.Input;

namespace MrsJobs.Core.Models;

/// <summary>
/// A job's system properties, keys in the order given (case-sensitive, as Java reads them), as a read-only
/// dictionary (<c>$p['key']</c>, <c>.Keys</c>, <c>.Count</c>). Its text is the CSV cell notation of
/// <c>properties</c>: <c>key=value;key2=value2</c>, or a JSON object when a key or value needs it (a <c>;</c>,
/// a line break, leading or trailing spaces, an <c>=</c> in a key, or text that would read otherwise), so
/// that <c>Export-Csv</c> writes a cell that <c>Import-Csv | New-MrsJobExecution</c> reads back as the same
/// properties.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class JobProperties : ReadOnlyDictionary<string, string>
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _pairs;

    internal JobProperties(IEnumerable<KeyValuePair<string, string>> pairs)
        : this(Ordered(pairs))
    {
    }

    private JobProperties(List<KeyValuePair<string, string>> pairs)
        : base(ToDictionary(pairs))
    {
        _pairs = pairs;
    }

    /// <summary>No properties.</summary>
    public static JobProperties Empty { get; } = new(Array.Empty<KeyValuePair<string, string>>());

    /// <summary>The pairs in the order given.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>The <c>properties</c> cell notation: <c>key=value</c> pairs separated by <c>;</c>, a JSON object when a pair needs it, or an empty text when there are none.</summary>
    public override string ToString() => PropertiesCell.Write(_pairs);

    // A key given twice keeps its last value, in the place of its first.
    private static List<KeyValuePair<string, string>> Ordered(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var ordered = new List<KeyValuePair<string, string>>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var key = pair.Key ?? string.Empty;
            var value = pair.Value ?? string.Empty;
            if (positions.TryGetValue(key, out var position))
            {
                ordered[position] = new KeyValuePair<string, string>(key, value);
            }
            else
            {
                positions.Add(key, ordered.Count);
                ordered.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        return ordered;
    }

    private static Dictionary<string, string> ToDictionary(List<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(pairs.Count, StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            map.Add(pair.Key, pair.Value);
        }

        return map;
    }
}
