using System.Text;
using System.Text.RegularExpressions;

namespace MrsJobs.Core.Api;

/// <summary>
/// A job name filter. A plain name is exact and case-sensitive, as the service stores names, and can be
/// sent to the service; a pattern with <c>*</c> or <c>?</c> is matched locally, in any case, as
/// PowerShell's wildcards are.
/// </summary>
internal sealed class NamePattern
{
    private readonly Regex _regex;

    /// <summary>Creates the pattern.</summary>
    public NamePattern(string pattern)
    {
        Text = pattern;
        HasWildcards = pattern.IndexOf('*') >= 0 || pattern.IndexOf('?') >= 0;
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (HasWildcards ? RegexOptions.IgnoreCase : RegexOptions.None);
        _regex = new Regex(regex.Append('$').ToString(), options);
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary><c>true</c> when the pattern holds <c>*</c> or <c>?</c> (then it cannot be sent to the service as a name).</summary>
    public bool HasWildcards { get; }

    /// <summary><c>true</c> when <paramref name="name"/> matches.</summary>
    public bool IsMatch(string? name) => name is not null && _regex.IsMatch(name);
}
