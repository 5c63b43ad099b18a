using System;
using System.Globalization;

namespace MrsJobs.Core.Auth.Signing;

/// <summary>The <c>X-Sdk-Date</c> format, <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
internal static class SigningTime
{
    /// <summary>The .NET format string of <c>X-Sdk-Date</c>.</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Formats a moment as <c>X-Sdk-Date</c> (converted to UTC, whole seconds).</summary>
    /// <param name="moment">The moment.</param>
    /// <returns>For example <c>20260104T090522Z</c>.</returns>
    public static string ToText(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads an <c>X-Sdk-Date</c> text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="moment">The moment, in UTC.</param>
    /// <returns><c>true</c> when the text has exactly the format.</returns>
    public static bool TryParse(string? text, out DateTimeOffset moment) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out moment);
}
