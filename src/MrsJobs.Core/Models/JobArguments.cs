using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using MrsJobs.Core.Input;

namespace MrsJobs.Core.Models;

/// <summary>
/// A job's program arguments, in order, as a read-only list (index it, count it, enumerate it). Its text
/// is the CSV cell notation of <c>arguments</c>, a JSON array (<c>["--class","a.B","x y"]</c>; empty when
/// there are none), so that <c>Export-Csv</c> writes a cell that <c>Import-Csv | New-MrsJobExecution</c>
/// reads back as the same arguments.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class JobArguments : ReadOnlyCollection<string>
{
    internal JobArguments(IEnumerable<string> items)
        : base(items.ToList())
    {
    }

    /// <summary>No arguments.</summary>
    public static JobArguments Empty { get; } = new(Array.Empty<string>());

    /// <summary>The <c>arguments</c> cell notation: a JSON array of strings, or an empty text when there are none.</summary>
    public override string ToString() => ArgumentsCell.Write(this);
}
