using System.Collections.Generic;
using MrsJobs.Core.Models;

namespace MrsJobs.Core.Validation;

/// <summary>The outcome of <see cref="JobDefinitionValidator.Validate"/>.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result.</summary>
    public ValidationResult(JobDefinition? definition, IReadOnlyList<ValidationFailure> failures)
    {
        Definition = definition;
        Failures = failures;
    }

    /// <summary>The job to send; <c>null</c> when a rule was broken.</summary>
    public JobDefinition? Definition { get; }

    /// <summary>Every broken rule, in field order.</summary>
    public IReadOnlyList<ValidationFailure> Failures { get; }

    /// <summary><c>true</c> when nothing was broken.</summary>
    public bool IsValid => Failures.Count == 0;
}
