using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Core.Input;

namespace MrsJobs.Binding;

/// <summary>
/// Binds <c>-Arguments</c>: a single string is a cell (a JSON array, or whitespace-separated words);
/// an array is taken item by item, as is.
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
                try
                {
                    return ToArray(ArgumentsCell.Parse(cell));
                }
                catch (CellParseException failure)
                {
                    return CellParseFailures.Record(Array.Empty<string>().Clone(), failure);
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

    private static string[] ToArray(IReadOnlyList<string> items)
    {
        var array = new string[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = items[i];
        }

        return array;
    }
}
