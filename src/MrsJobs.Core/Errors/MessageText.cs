namespace MrsJobs.Core.Errors;

/// <summary>Small rules for the text of messages built around what a service said.</summary>
internal static class MessageText
{
    /// <summary>The text as written, ending in exactly one full stop (a Chinese '。' counts), so that more can follow.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith(".", System.StringComparison.Ordinal) || trimmed.EndsWith("。", System.StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }
}
