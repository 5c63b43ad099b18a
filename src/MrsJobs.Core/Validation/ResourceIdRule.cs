using System.Linq;

namespace MrsJobs.Core.Validation;

/// <summary>
/// What a cluster id or job id can be: it is spliced into the URL path, so it must be one harmless
/// path segment. MRS ids are UUIDs; the rule allows 1 to 64 letters, digits, '-' and '_', which refuses
/// '.', '..', '/', '?', '#', '%', blanks and control characters.
/// </summary>
public static class ResourceIdRule
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="value"/> cannot be an id, or <c>null</c> when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is required";
        }

        if (EdgeBlanks.Problem(value!) is { } blank)
        {
            return blank;
        }

        if (value!.Length > MaxLength)
        {
            return $"it has {value.Length} characters, more than {MaxLength}";
        }

        if (!value.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
        {
            return "only letters, digits, '-' and '_' can be part of it (no blanks, '.', '/', '?', '#', '%' or control characters)";
        }

        return null;
    }
}
