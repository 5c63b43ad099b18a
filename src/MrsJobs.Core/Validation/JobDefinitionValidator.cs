using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Validation;

/// <summary>
/// Checks one job against the documented SubmitJobV2 contract and, when it passes, builds the
/// <see cref="JobDefinition"/> to send. Messages name the field and the rule but never repeat a
/// value, since arguments and properties often hold secrets.
/// </summary>
public static class JobDefinitionValidator
{
    /// <summary>Checks <paramref name="input"/>, skipping the rules in <paramref name="skip"/>.</summary>
    public static ValidationResult Validate(JobInput input, JobRule skip = JobRule.None)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        var failures = new List<ValidationFailure>(input.InputFailures);
        var clusterId = CheckClusterId(input.ClusterId, failures);
        var jobType = CheckJobType(input.JobType, skip, failures);
        var jobName = CheckJobName(input.JobName, skip, failures);
        var arguments = ArgumentRules.Check(input.Arguments, skip, failures);
        var properties = PropertyRules.Check(input.Properties, skip, failures);
        HiddenSecretRule.Check(input, failures);

        if (failures.Count > 0)
        {
            return new ValidationResult(null, failures);
        }

        return new ValidationResult(new JobDefinition(clusterId!, jobType!, jobName!, arguments, properties), failures);
    }

    private static string? CheckClusterId(string? value, List<ValidationFailure> failures)
    {
        var clusterId = value?.Trim();
        if (ResourceIdRule.Problem(clusterId) is { } problem)
        {
            failures.Add(new ValidationFailure("cluster_id", "ClusterId", $"not a cluster id: {problem}."));
            return null;
        }

        return clusterId;
    }

    private static string? CheckJobType(string? value, JobRule skip, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(new ValidationFailure("job_type", "JobTypeRequired", $"a job type is required: one of {string.Join(", ", JobTypes.All)}."));
            return null;
        }

        if (JobTypes.TryNormalize(value, out var canonical) || skip.HasFlag(JobRule.JobType))
        {
            return canonical;
        }

        failures.Add(new ValidationFailure(
            "job_type",
            nameof(JobRule.JobType),
            $"'{Shorten(canonical)}' is not a job type; use one of {string.Join(", ", JobTypes.All)}.",
            JobRule.JobType));
        return null;
    }

    private static string? CheckJobName(string? value, JobRule skip, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(new ValidationFailure("job_name", "JobNameRequired", "a job name is required."));
            return null;
        }

        if (skip.HasFlag(JobRule.JobName) || JobContract.JobNamePattern.IsMatch(value))
        {
            return value;
        }

        var reason = EdgeBlanks.Problem(value!)
            ?? (value!.Length > JobContract.MaxJobNameLength
                ? $"it has {value.Length} characters, more than {JobContract.MaxJobNameLength}"
                : "it holds a character other than letters, digits, '-' and '_'");
        failures.Add(new ValidationFailure(
            "job_name",
            nameof(JobRule.JobName),
            $"must be 1 to {JobContract.MaxJobNameLength} letters, digits, '-' or '_'; {reason}.",
            JobRule.JobName));
        return null;
    }

    /// <summary>Cuts a value for display in a message.</summary>
    internal static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 37) + "...";
}
