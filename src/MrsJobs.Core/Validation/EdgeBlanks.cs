using System.Globalization;

namespace MrsJobs.Core.Validation;

/// <summary>
/// A name or id with a blank at its start or end (a CSV cell typed as "job-1 ", a pasted id): the
/// message says so, since "a character other than letters and digits" would not show which one.
/// </summary>
internal static class EdgeBlanks
{
    /// <summary>"it starts with a space", "it ends with a tab", …, or <c>null</c> when neither end is blank.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var first = value[0];
        var last = value[value.Length - 1];
        var starts = char.IsWhiteSpace(first);
        var ends = char.IsWhiteSpace(last);
        if (starts && ends)
        {
            return Name(first) == Name(last) ? $"it starts and ends with {Name(first)}" : $"it starts with {Name(first)} and ends with {Name(last)}";
        }

        return starts ? $"it starts with {Name(first)}" : ends ? $"it ends with {Name(last)}" : null;
    }

    private static string Name(char blank) => blank switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        '\r' or '\n' => "a line break",
        '\u00A0' => "a no-break space",
        _ => "a blank character (U+" + ((int)blank).ToString("X4", CultureInfo.InvariantCulture) + ")",
    };
}
