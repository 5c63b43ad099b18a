using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Validation;

/// <summary>The documented rules for <c>properties</c>: forbidden characters in keys and values, and a total length.</summary>
internal static class PropertyRules
{
    public static IReadOnlyList<KeyValuePair<string, string>>? Check(
        IReadOnlyList<KeyValuePair<string, string?>>? properties, JobRule skip, List<ValidationFailure> failures)
    {
        if (properties is null || properties.Count == 0)
        {
            return null;
        }

        var result = new List<KeyValuePair<string, string>>(properties.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var pair in properties)
        {
            var key = pair.Key ?? string.Empty;
            if (key.Trim().Length == 0)
            {
                failures.Add(new ValidationFailure("properties", "PropertyKeyRequired", "a property has an empty key."));
                continue;
            }

            var shownKey = JobDefinitionValidator.Shorten(key);
            if (!seen.Add(key))
            {
                failures.Add(new ValidationFailure("properties", "PropertyKeyDuplicate", $"the key '{shownKey}' is given more than once."));
                continue;
            }

            if (pair.Value is null)
            {
                failures.Add(new ValidationFailure("properties", "PropertyValueNull", $"the value of '{shownKey}' is null; values must be strings."));
                continue;
            }

            total += key.Length + pair.Value.Length;
            if (!skip.HasFlag(JobRule.PropertyCharacters))
            {
                CheckCharacters(shownKey, key, pair.Value, failures);
            }

            result.Add(new KeyValuePair<string, string>(key, pair.Value));
        }

        if (!skip.HasFlag(JobRule.PropertyLength) && total > JobContract.MaxPropertiesLength)
        {
            failures.Add(new ValidationFailure(
                "properties",
                nameof(JobRule.PropertyLength),
                $"the property keys and values hold {total} characters together; at most {JobContract.MaxPropertiesLength} are allowed.",
                JobRule.PropertyLength));
        }

        return result;
    }

    private static void CheckCharacters(string shownKey, string key, string value, List<ValidationFailure> failures)
    {
        var forbidden = JobContract.ForbiddenPropertyCharacters;
        var inKey = ArgumentRules.ForbiddenIn(key, forbidden);
        var inValue = ArgumentRules.ForbiddenIn(value, forbidden);
        if (inKey.Length == 0 && inValue.Length == 0)
        {
            return;
        }

        var where = inKey.Length > 0
            ? $"the key '{shownKey}' contains {ArgumentRules.Describe(inKey)}"
            : $"the value of '{shownKey}' contains {ArgumentRules.Describe(inValue)}";
        failures.Add(new ValidationFailure(
            "properties",
            nameof(JobRule.PropertyCharacters),
            $"{where}; properties cannot contain any of {ArgumentRules.Describe(forbidden)}.",
            JobRule.PropertyCharacters));
    }
}
