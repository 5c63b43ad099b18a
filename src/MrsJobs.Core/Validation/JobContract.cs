using System.Text.RegularExpressions;

namespace MrsJobs.Core.Validation;

/// <summary>The limits of the SubmitJobV2 body, as the API page states them. One place to change when the service changes.</summary>
public static class JobContract
{
    /// <summary>The job name pattern: letters, digits, '-' and '_', 1 to 64 characters.</summary>
    public static readonly Regex JobNamePattern = new(@"\A[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant);

    /// <summary>The longest job name.</summary>
    public const int MaxJobNameLength = 64;

    /// <summary>
    /// The most characters all arguments may hold together (the page says 4096; the Go SDK's
    /// model says 150000; the page's smaller figure is enforced).
    /// </summary>
    public const int MaxArgumentsLength = 4096;

    /// <summary>The most characters all property keys and values may hold together.</summary>
    public const int MaxPropertiesLength = 2048;

    /// <summary>
    /// Characters forbidden in arguments. The page lists <c>;|&amp;&gt;'&lt;$!\"</c>; the official SDKs' model
    /// descriptions (generated from the service's definition) read it as including the backslash, so it is
    /// refused too.
    /// </summary>
    public const string ForbiddenArgumentCharacters = ";|&><'$!\"\\";

    /// <summary>Characters forbidden in properties (keys and values): the page's <c>&gt;&lt;|'`&amp;!\"</c>, backslash included.</summary>
    public const string ForbiddenPropertyCharacters = "><|'`&!\"\\";
}
