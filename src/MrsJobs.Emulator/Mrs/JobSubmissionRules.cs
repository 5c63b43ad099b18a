using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// The documented body contract of <c>POST …/job-executions</c>, in one place. The first violation
/// is reported as <c>field: rule</c>. Stricter than the real service on one point: members other
/// than the four documented ones (e.g. the seed page's typo <c>arg</c>) are refused.
/// Lengths are counted in UTF-16 code units, as the service's Java strings count them.
/// </summary>
internal static class JobSubmissionRules
{
    public const int MaxArgumentsLength = 4096;
    public const int MaxPropertiesLength = 2048;
    // The page's lists end in \" : the official SDKs' model text (generated from the service's definition)
    // reads that as backslash and quote, so the backslash is refused too.
    public const string ArgumentForbiddenCharacters = ";|&>'<$!\"\\";
    public const string PropertyForbiddenCharacters = "><|'`&!\"\\";

    private static readonly string[] AllowedMembers = { "job_type", "job_name", "arguments", "properties" };
    private static readonly Regex JobNamePattern = new("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>Whether a job name matches <c>^[A-Za-z0-9_-]{1,64}$</c>.</summary>
    public static bool IsValidJobName(string jobName) => JobNamePattern.IsMatch(jobName);

    /// <summary>Checks a body; returns the submission, or null with <paramref name="error"/> set.</summary>
    public static JobSubmission? Check(string body, bool argumentCharacterCheck, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"body: must be a JSON object ({ex.Message})";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            error = root.ValueKind != JsonValueKind.Object ? "body: must be a JSON object" : CheckMembers(root);
            var jobType = error is null ? RequiredString(root, "job_type", out error) : null;
            if (error is null && !JobTypes.All.Contains(jobType, StringComparer.Ordinal))
            {
                error = $"job_type: must be one of {string.Join(", ", JobTypes.All)} (case-sensitive), not '{jobType}'";
            }

            var jobName = error is null ? RequiredString(root, "job_name", out error) : null;
            if (error is null && !IsValidJobName(jobName!))
            {
                error = "job_name: must match ^[A-Za-z0-9_-]{1,64}$ (1 to 64 letters, digits, '-' or '_')";
            }

            var arguments = error is null ? Arguments(root, argumentCharacterCheck, out error) : null;
            var properties = error is null ? Properties(root, out error) : null;
            return error is null ? new JobSubmission(jobType!, jobName!, arguments!, properties!) : null;
        }
    }

    private static string? CheckMembers(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            if (!AllowedMembers.Contains(member.Name, StringComparer.Ordinal))
            {
                return $"{member.Name}: unknown field; the allowed fields are {string.Join(", ", AllowedMembers)}";
            }

            if (!seen.Add(member.Name))
            {
                return $"{member.Name}: must appear only once";
            }
        }

        return null;
    }

    private static string? RequiredString(JsonElement root, string name, out string? error)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            error = $"{name}: is required";
            return null;
        }

        error = value.ValueKind == JsonValueKind.String ? null : $"{name}: must be a string";
        return error is null ? value.GetString() : null;
    }

    private static List<string>? Arguments(JsonElement root, bool characterCheck, out string? error)
    {
        var result = new List<string>();
        error = null;
        if (!root.TryGetProperty("arguments", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            error = "arguments: must be an array of strings";
            return null;
        }

        foreach (var item in value.EnumerateArray())
        {
            var field = $"arguments[{result.Count}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                error = $"{field}: must be a string";
                return null;
            }

            var text = item.GetString()!;
            error = characterCheck ? Forbidden(field, text, ArgumentForbiddenCharacters) : null;
            if (error is not null)
            {
                return null;
            }

            result.Add(text);
        }

        var total = result.Sum(a => a.Length);
        error = total > MaxArgumentsLength
            ? $"arguments: must total at most {MaxArgumentsLength} characters, not {total}"
            : null;
        return error is null ? result : null;
    }

    private static Dictionary<string, string>? Properties(JsonElement root, out string? error)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        if (!root.TryGetProperty("properties", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error = "properties: must be an object whose values are strings";
            return null;
        }

        foreach (var member in value.EnumerateObject())
        {
            var field = $"properties.{member.Name}";
            error = member.Value.ValueKind != JsonValueKind.String
                ? $"{field}: must be a string"
                : Forbidden($"properties key '{member.Name}'", member.Name, PropertyForbiddenCharacters)
                  ?? Forbidden(field, member.Value.GetString()!, PropertyForbiddenCharacters);
            if (error is not null)
            {
                return null;
            }

            result[member.Name] = member.Value.GetString()!;
        }

        var total = result.Sum(p => p.Key.Length + p.Value.Length);
        error = total > MaxPropertiesLength
            ? $"properties: keys and values must total at most {MaxPropertiesLength} characters, not {total}"
            : null;
        return error is null ? result : null;
    }

    private static string? Forbidden(string field, string text, string forbidden)
    {
        var index = text.IndexOfAny(forbidden.ToCharArray());
        return index < 0
            ? null
            : $"{field}: must not contain any of {string.Join(" ", forbidden.ToCharArray())} (found '{text[index]}')";
    }
}
