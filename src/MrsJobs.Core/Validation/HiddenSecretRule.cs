using System.Collections.Generic;
using MrsJobs.Core.Security;

namespace MrsJobs.Core.Validation;

/// <summary>
/// A job read back from the service, or from a results CSV, shows its secrets as <c>[redacted]</c>. Sent
/// as it is, that mark would take the secret's place, so a job that holds it is refused, naming each
/// argument and property that does: the user puts the secret back in first. It cannot be skipped: no
/// service accepts the mark as the secret it stands for.
/// </summary>
internal static class HiddenSecretRule
{
    /// <summary>The rule's name, as in <c>InvalidJobDefinition.HiddenSecret</c>.</summary>
    public const string Name = "HiddenSecret";

    public static void Check(JobInput input, List<ValidationFailure> failures)
    {
        var arguments = input.Arguments ?? new List<string?>();
        for (var index = 0; index < arguments.Count; index++)
        {
            if (Redactor.HoldsMark(arguments[index]))
            {
                failures.Add(new ValidationFailure("arguments", Name, $"argument {index + 1} holds {Redactor.Mark}, which stands for a secret hidden when the job was read back, not the secret itself; put the secret in its place before submitting the job again."));
            }
        }

        foreach (var pair in input.Properties ?? new List<KeyValuePair<string, string?>>())
        {
            if (Redactor.HoldsMark(pair.Value))
            {
                failures.Add(new ValidationFailure("properties", Name, $"the value of '{JobDefinitionValidator.Shorten(pair.Key ?? string.Empty)}' is {Redactor.Mark}, which stands for a secret hidden when the job was read back, not the secret itself; put the secret in its place before submitting the job again."));
            }
        }
    }
}
