using System.Collections.Generic;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Completion;

/// <summary>Completes <c>-Region</c> with Huawei Cloud regions that host MRS.</summary>
public sealed class RegionCompleter : NameListCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<string> Names => Endpoints.KnownRegions;
}
