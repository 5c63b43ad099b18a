using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MrsJobs.Validation;

/// <summary>Accepts only names from a fixed list, in any case (the list lives in the core, not in an attribute's constants).</summary>
public abstract class ValidateNameListAttribute : ValidateArgumentsAttribute
{
    /// <summary>The accepted names.</summary>
    protected abstract IReadOnlyList<string> Names { get; }

    /// <summary>What the names are, for the message ("job state").</summary>
    protected abstract string What { get; }

    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString()?.Trim();
        if (!Names.Any(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationMetadataException($"'{value}' is not a {What}. Use one of: {string.Join(", ", Names)}.");
        }
    }
}

/// <summary>Accepts a <c>job_state</c> value.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateJobStateAttribute : ValidateNameListAttribute
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> Names => Core.Models.JobStates.All;

    /// <inheritdoc />
    protected override string What => "job state";
}

/// <summary>Accepts a <c>job_result</c> value.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateJobResultAttribute : ValidateNameListAttribute
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> Names => Core.Models.JobResults.All;

    /// <inheritdoc />
    protected override string What => "job result";
}

/// <summary>Accepts one of the nine job types, in any case.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateJobTypeAttribute : ValidateNameListAttribute
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> Names => Core.Models.JobTypes.All;

    /// <inheritdoc />
    protected override string What => "job type";
}
