using System.Collections.Generic;
using MrsJobs.Core.Regions;

namespace MrsJobs.Completion;

/// <summary>Completes <c>-Region</c> with every region of the SDKs' MRS region table.</summary>
public sealed class RegionCompleter : NameListCompleter
{
    /// <inheritdoc />
    protected override IEnumerable<string> Names => RegionTable.MrsRegions;
}
