using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Regions;

/// <summary>
/// Region names as the API spells them (trimmed, lower case), the check that one can be part of a host name
/// and an environment variable name, and the nearest known name for one the tables do not know.
/// </summary>
internal static class RegionNames
{
    /// <summary>A region name trimmed and lower-cased; <c>null</c> for nothing or blanks.</summary>
    public static string? Normalize(string? region) =>
        string.IsNullOrWhiteSpace(region) ? null : region!.Trim().ToLowerInvariant();

    /// <summary>
    /// Checks that a normalized region name is one DNS label of letters, digits and hyphens (it becomes part
    /// of host names and of variable names such as <c>HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4</c>).
    /// </summary>
    /// <exception cref="ArgumentException">It is not; the message shows the name (a region is not secret).</exception>
    public static string Require(string region)
    {
        var wellFormed = region.Length is > 0 and <= 63
            && region.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && region[0] != '-' && region[region.Length - 1] != '-';
        return wellFormed
            ? region
            : throw new ArgumentException($"'{region}' is not a region name such as cn-north-4.", "region");
    }

    /// <summary>
    /// The name of <paramref name="known"/> closest to <paramref name="region"/> by edit distance (insertions,
    /// deletions, substitutions); among equally close names, the first in alphabetical order.
    /// </summary>
    public static string Nearest(string region, IEnumerable<string> known) =>
        known.OrderBy(name => Distance(region, name)).ThenBy(name => name, StringComparer.Ordinal).First();

    /// <summary>The Levenshtein distance between two texts.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
