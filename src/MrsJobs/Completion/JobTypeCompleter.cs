using System.Collections.Generic;
using MrsJobs.Core.Models;

namespace MrsJobs.Completion;

/// <summary>Completes <c>-JobType</c> with the nine documented job types.</summary>
public sealed class JobTypeCompleter : NameListCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<string> Names => JobTypes.All;
}
