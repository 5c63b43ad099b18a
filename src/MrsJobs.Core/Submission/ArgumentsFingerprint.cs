using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MrsJobs.Core.Decoding;

namespace MrsJobs.Core.Submission;

/// <summary>
/// Recognises a job's arguments in what the list call returns (Java <c>toString()</c> text, or JSON)
/// without keeping them: both sides are reduced to a SHA-256 of the Java-toString form.
/// </summary>
internal static class ArgumentsFingerprint
{
    /// <summary>The fingerprint of arguments as sent.</summary>
    public static string Of(IEnumerable<string> arguments) => Hash(JavaToStringText.FormatList(arguments));

    /// <summary>The fingerprint of arguments as the service returned them: a list is normalised, other text is taken as it is.</summary>
    public static string OfText(string text) =>
        JavaToStringText.TryParseList(text, out var items) ? Of(items) : Hash(text.Trim());

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
