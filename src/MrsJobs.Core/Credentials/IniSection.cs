using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Credentials;

/// <summary>One <c>[section]</c> of an INI file: its keys (case-insensitive) with their values and lines.</summary>
internal sealed class IniSection
{
    private readonly Dictionary<string, IniEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty section.</summary>
    public IniSection(string name, int line)
    {
        Name = name;
        Line = line;
    }

    /// <summary>The name between the brackets, trimmed.</summary>
    public string Name { get; }

    /// <summary>The line of the section's first header.</summary>
    public int Line { get; }

    /// <summary>The entry for a key; <c>null</c> when the section does not have it.</summary>
    public IniEntry? this[string key] => _entries.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>Adds an entry; <c>false</c> (and the first entry) when the key is there already.</summary>
    public bool TryAdd(IniEntry entry, out IniEntry existing)
    {
        if (_entries.TryGetValue(entry.Key, out existing!))
        {
            return false;
        }

        _entries.Add(entry.Key, entry);
        existing = entry;
        return true;
    }
}
