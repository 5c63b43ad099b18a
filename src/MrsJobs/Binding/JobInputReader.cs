using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MrsJobs.Core.Validation;

namespace MrsJobs.Binding;

/// <summary>
/// Reads what New-MrsJobExecution bound for one row into the core's raw <see cref="JobInput"/>,
/// including cells that could not be parsed and pipeline objects that are not job rows at all.
/// </summary>
internal static class JobInputReader
{
    /// <summary>Reads one row.</summary>
    /// <param name="clusterId">The bound cluster id.</param>
    /// <param name="jobName">The bound job name.</param>
    /// <param name="jobType">The bound job type.</param>
    /// <param name="arguments">The bound arguments (possibly a cell-notation failure marker).</param>
    /// <param name="properties">The bound properties (possibly a cell-notation failure marker).</param>
    /// <param name="argumentsOnCommandLine"><c>true</c> when -Arguments was typed (a single string is then one argument).</param>
    public static JobInput Read(string? clusterId, string? jobName, string? jobType, string[]? arguments, IDictionary? properties, bool argumentsOnCommandLine)
    {
        var input = new JobInput
        {
            ClusterId = clusterId,
            JobName = jobName,
            JobType = jobType,
            Arguments = ReadArguments(arguments, argumentsOnCommandLine),
            Properties = ReadProperties(properties),
        };
        if (!argumentsOnCommandLine)
        {
            AddCellFailure(input, arguments);
        }

        AddCellFailure(input, properties);
        return input;
    }

    /// <summary>
    /// Why a pipeline object is not a job row at all (a string, a number, <c>$null</c>: nothing of it can
    /// bind to ClusterId, JobName or JobType), or <c>null</c> when it may be one.
    /// </summary>
    public static ValidationFailure? NotARow(object? inputObject) => Shape(inputObject) is { } shape ? new ValidationFailure("input", "InputObject", shape) : null;

    private static string? Shape(object? inputObject)
    {
        var value = inputObject is PSObject wrapped ? wrapped.BaseObject : inputObject;
        if (inputObject is PSObject row && WrongDelimiter(row) is { } delimiterProblem)
        {
            return delimiterProblem;
        }

        return value switch
        {
            null => "the pipeline object is $null, not a job row; expected an object (a CSV row) with cluster_id, job_name and job_type.",
            IDictionary => "the pipeline object is a hashtable, whose keys PowerShell does not bind to parameters; make each row a [pscustomobject] (or use Import-Csv), or splat the hashtable: New-MrsJobExecution @row.",
            string => "the pipeline object is a string, not a job row; expected an object (a CSV row) with cluster_id, job_name and job_type.",
            _ when value.GetType().IsPrimitive || value is decimal => $"the pipeline object is a number or other simple value ({value.GetType().Name}), not a job row; expected an object (a CSV row) with cluster_id, job_name and job_type.",
            _ => null,
        };
    }

    /// <summary>
    /// A CSV file whose fields are separated by ';' or tabs (Excel writes ';' where ',' is the decimal
    /// separator), read by Import-Csv with its default ',': each row has one property, named after the whole
    /// header line (<c>cluster_id;job_name;job_type</c>), so nothing binds. <c>null</c> for any other row.
    /// </summary>
    private static string? WrongDelimiter(PSObject row)
    {
        var names = new List<string>();
        foreach (var property in row.Properties)
        {
            if (property.Name.IndexOf(';') < 0 && property.Name.IndexOf('\t') < 0)
            {
                return null;
            }

            names.Add(property.Name);
        }

        if (names.Count == 0)
        {
            return null;
        }

        var header = names[0];
        var semicolons = header.Split(';').Length;
        var tabs = header.Split('\t').Length;
        var (separator, option) = semicolons >= tabs ? ("';'", "-Delimiter ';'") : ("tabs", "-Delimiter \"`t\"");
        var shown = header.Replace("\"", string.Empty).Replace("\t", "`t");   // Import-Csv keeps the quotes of every field but the first
        shown = shown.Length <= 80 ? shown : shown.Substring(0, 77) + "...";
        return $"its column name '{shown}' holds {separator}: the file separates its fields with {separator}, but it was read as separated with ','. "
            + $"Read it with Import-Csv {option} (or Import-Csv -UseCulture, when that is this computer's list separator).";
    }

    private static void AddCellFailure(JobInput input, object? boundValue)
    {
        if (CellParseFailures.Find(boundValue) is { } failure)
        {
            input.InputFailures.Add(new ValidationFailure(failure.Field, failure.Field == "arguments" ? "ArgumentsFormat" : "PropertiesFormat", failure.Message));
        }
    }

    // A single string from the pipeline (a CSV cell) is read in cell notation; typed on the command line it is one argument.
    private static IReadOnlyList<string?>? ReadArguments(string[]? arguments, bool onCommandLine)
    {
        if (!onCommandLine && CellParseFailures.Find(arguments) is not null)
        {
            return null;
        }

        return onCommandLine ? arguments : CellParseFailures.FindArguments(arguments) ?? arguments;
    }

    private static IReadOnlyList<KeyValuePair<string, string?>>? ReadProperties(IDictionary? properties)
    {
        if (properties is null)
        {
            return null;
        }

        var pairs = new List<KeyValuePair<string, string?>>(properties.Count);
        foreach (DictionaryEntry entry in properties)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            pairs.Add(new KeyValuePair<string, string?>(
                Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty,
                value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)));
        }

        return pairs;
    }
}
