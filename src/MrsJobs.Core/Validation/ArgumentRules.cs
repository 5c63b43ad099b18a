using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Validation;

/// <summary>The documented rules for <c>arguments</c>: forbidden characters and a total length.</summary>
internal static class ArgumentRules
{
    public static IReadOnlyList<string>? Check(IReadOnlyList<string?>? arguments, JobRule skip, List<ValidationFailure> failures)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return null;
        }

        var result = new List<string>(arguments.Count);
        var total = 0;
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            var position = index + 1;   // messages count from 1, as people do
            if (argument is null)
            {
                failures.Add(new ValidationFailure("arguments", "ArgumentNull", $"argument {position} is null; arguments must be strings."));
                continue;
            }

            total += argument.Length;
            if (!skip.HasFlag(JobRule.ArgumentCharacters))
            {
                var bad = ForbiddenIn(argument, JobContract.ForbiddenArgumentCharacters);
                if (bad.Length > 0)
                {
                    failures.Add(new ValidationFailure(
                        "arguments",
                        nameof(JobRule.ArgumentCharacters),
                        $"argument {position} contains {Describe(bad)}; arguments cannot contain any of {Describe(JobContract.ForbiddenArgumentCharacters)}.",
                        JobRule.ArgumentCharacters));
                }
            }

            result.Add(argument);
        }

        if (!skip.HasFlag(JobRule.ArgumentLength) && total > JobContract.MaxArgumentsLength)
        {
            failures.Add(new ValidationFailure(
                "arguments",
                nameof(JobRule.ArgumentLength),
                $"the arguments hold {total} characters together; at most {JobContract.MaxArgumentsLength} are allowed.",
                JobRule.ArgumentLength));
        }

        return result;
    }

    /// <summary>The distinct forbidden characters found in <paramref name="value"/>, in the order of the forbidden list.</summary>
    internal static string ForbiddenIn(string value, string forbidden) =>
        new(forbidden.Where(c => value.IndexOf(c) >= 0).ToArray());

    /// <summary>Lists characters as <c>';' '|'</c>.</summary>
    internal static string Describe(string characters) =>
        string.Join(" ", characters.Select(c => "'" + c + "'"));
}
