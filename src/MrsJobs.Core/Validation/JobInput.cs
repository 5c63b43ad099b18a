using System.Collections.Generic;

namespace MrsJobs.Core.Validation;

/// <summary>Raw user input for one job, as bound from parameters or a CSV row, before any check.</summary>
public sealed class JobInput
{
    /// <summary>The cluster id.</summary>
    public string? ClusterId { get; set; }

    /// <summary>The job type as typed.</summary>
    public string? JobType { get; set; }

    /// <summary>The job name as typed.</summary>
    public string? JobName { get; set; }

    /// <summary>The arguments, already split into items.</summary>
    public IReadOnlyList<string?>? Arguments { get; set; }

    /// <summary>The properties, already split into pairs, in input order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>>? Properties { get; set; }

    /// <summary>Failures found while reading the cells (bad JSON and the like), reported with the rest.</summary>
    public IList<ValidationFailure> InputFailures { get; } = new List<ValidationFailure>();
}
