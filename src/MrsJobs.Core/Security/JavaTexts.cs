using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Decoding;

namespace MrsJobs.Core.Security;

/// <summary>
/// The <c>arguments</c> and <c>properties</c> members of the job list and detail answers are Java-toString
/// texts, not JSON: read them back and hide what <see cref="Redactor"/> hides in a JSON array or object
/// (the argument after a secret's name, secret assignments, values of secret-looking keys).
/// </summary>
internal static class JavaTexts
{
    public static bool TryRedact(string member, string? text, out string shown)
    {
        shown = string.Empty;
        if (string.Equals(member, "arguments", StringComparison.Ordinal) && JavaToStringText.TryParseList(text, out var items))
        {
            shown = JavaToStringText.FormatList(Redactor.Arguments(items));
            return true;
        }

        if (string.Equals(member, "properties", StringComparison.Ordinal) && JavaToStringText.TryParseMap(text, out var pairs))
        {
            shown = JavaToStringText.FormatMap(pairs.Select(p => new KeyValuePair<string, string>(p.Key, Redactor.PropertyValue(p.Key, p.Value))));
            return true;
        }

        return false;
    }
}
