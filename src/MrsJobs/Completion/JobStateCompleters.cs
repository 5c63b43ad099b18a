using System.Collections.Generic;
using MrsJobs.Core.Models;

namespace MrsJobs.Completion;

/// <summary>Completes <c>-State</c> with the job states.</summary>
public sealed class JobStateCompleter : NameListCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<string> Names => JobStates.All;
}

/// <summary>Completes <c>-Result</c> with the job results.</summary>
public sealed class JobResultCompleter : NameListCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<string> Names => JobResults.All;
}
