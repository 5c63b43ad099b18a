using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// Java's <c>toString()</c> of a list and a map, as the service puts <c>arguments</c> and
/// <c>properties</c> into a JobQueryBean: <c>[a, b]</c> and <c>{k1=v1, k2=v2}</c> (map entries in the
/// order they were submitted). Nothing is quoted or escaped, exactly as Java does it.
/// </summary>
internal static class JavaText
{
    public static string OfList(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    public static string OfMap(IEnumerable<KeyValuePair<string, string>> entries) =>
        "{" + string.Join(", ", entries.Select(e => e.Key + "=" + e.Value)) + "}";
}
