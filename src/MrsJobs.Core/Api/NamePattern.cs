using System.Text;
using System.Text.RegularExpressions;

namespace MrsJobs.Core.Api;

/// <summary>A job name filter: exact (ignoring case) or a wildcard pattern with <c>*</c> and <c>?</c>, as PowerShell users write them.</summary>
public sealed class NamePattern
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

        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary><c>true</c> when the pattern holds <c>*</c> or <c>?</c> (then it cannot be sent to the service as a name).</summary>
    public bool HasWildcards { get; }

    /// <summary><c>true</c> when <paramref name="name"/> matches.</summary>
    public bool IsMatch(string? name) => name is not null && _regex.IsMatch(name);
}
