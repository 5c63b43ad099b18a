using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Core.Input;

namespace MrsJobs.Binding;

/// <summary>
/// Binds <c>-Arguments</c>. An array is taken item by item. A single string binds as one argument,
/// and what it reads as in cell notation (a JSON array, or whitespace-separated words) is filed with
/// it: the cmdlet uses that reading when the string came from the pipeline (a CSV cell), and the
/// string itself when it was typed on the command line, as PowerShell users expect.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ArgumentsTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
                return null;
            case string cell:
                var single = new[] { cell };
                try
                {
                    return CellParseFailures.RecordArguments(single, ArgumentsCell.Parse(cell));
                }
                catch (CellParseException failure)
                {
                    return CellParseFailures.Record(single, failure);
                }

            case IEnumerable items:
                var list = new List<string?>();
                foreach (var item in items)
                {
                    var element = item is PSObject p ? p.BaseObject : item;
                    list.Add(element is null ? null : Convert.ToString(element, CultureInfo.InvariantCulture));
                }

                return list.ToArray();
            default:
                return new[] { Convert.ToString(value, CultureInfo.InvariantCulture) };
        }
    }
}
