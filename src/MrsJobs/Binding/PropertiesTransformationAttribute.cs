using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Core.Input;

namespace MrsJobs.Binding;

/// <summary>
/// Binds <c>-Properties</c>: a single string is a cell (a JSON object, or key=value pairs separated by
/// <c>;</c> or line breaks); a hashtable or any dictionary is taken as is; an object (for example from
/// ConvertFrom-Json) gives its properties.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PropertiesTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        switch (inputData)
        {
            case null:
                return null;
            case PSObject { BaseObject: PSCustomObject } custom:
                return FromObject(custom);
            case PSObject wrapped:
                return Transform(engineIntrinsics, wrapped.BaseObject);
            case string cell:
                try
                {
                    var map = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var pair in PropertiesCell.Parse(cell))
                    {
                        if (map.Contains(pair.Key))
                        {
                            throw new CellParseException("properties", $"the key '{pair.Key}' is given more than once.");
                        }

                        map.Add(pair.Key, pair.Value);
                    }

                    return map;
                }
                catch (CellParseException failure)
                {
                    return CellParseFailures.Record(new OrderedDictionary(), failure);
                }

            case IDictionary dictionary:
                return dictionary;
            default:
                // Reported by the cmdlet with the row, like a bad cell, instead of a binding error that names no row.
                return CellParseFailures.Record(
                    new OrderedDictionary(),
                    new CellParseException("properties", $"a {inputData.GetType().Name} is not properties; give a hashtable, an object, a JSON object or key=value pairs."));
        }
    }

    private static OrderedDictionary FromObject(PSObject custom)
    {
        var map = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var property in custom.Properties)
        {
            var value = property.Value is PSObject p ? p.BaseObject : property.Value;
            map[property.Name] = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        return map;
    }
}
