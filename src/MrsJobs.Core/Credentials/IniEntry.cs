namespace MrsJobs.Core.Credentials;

/// <summary>One <c>key = value</c> line.</summary>
internal sealed class IniEntry
{
    /// <summary>Creates the entry.</summary>
    public IniEntry(string key, string value, int line)
    {
        Key = key;
        Value = value;
        Line = line;
    }

    /// <summary>The key, trimmed.</summary>
    public string Key { get; }

    /// <summary>The value, trimmed, without one pair of surrounding quotes; may be empty.</summary>
    public string Value { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }
}
