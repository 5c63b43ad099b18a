using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MrsJobs.Core.Input;

namespace MrsJobs.Binding;

/// <summary>
/// What the transformation attributes read from a text cell, filed against the very value instance
/// they returned. A transformation attribute cannot know which pipeline row it is binding, nor
/// whether the value came from the pipeline or the command line, and an exception there would skip
/// the row with a generic binding error; so it files what it read here, and the cmdlet decides and
/// reports with the row number and job name.
/// </summary>
internal static class CellParseFailures
{
    private static readonly ConditionalWeakTable<object, CellParseException> Failures = new();
    private static readonly ConditionalWeakTable<object, IReadOnlyList<string>> ArgumentCells = new();

    /// <summary>Remembers that <paramref name="boundValue"/> stands for a cell that could not be read.</summary>
    public static T Record<T>(T boundValue, CellParseException failure)
        where T : class
    {
        Failures.Add(boundValue, failure);
        return boundValue;
    }

    /// <summary>Remembers the arguments a single string reads as in cell notation.</summary>
    public static T RecordArguments<T>(T boundValue, IReadOnlyList<string> cellItems)
        where T : class
    {
        ArgumentCells.Add(boundValue, cellItems);
        return boundValue;
    }

    /// <summary>The failure filed for <paramref name="boundValue"/>, if any.</summary>
    public static CellParseException? Find(object? boundValue) =>
        boundValue is not null && Failures.TryGetValue(boundValue, out var failure) ? failure : null;

    /// <summary>The arguments a single string bound as <paramref name="boundValue"/> reads as in cell notation, if it was one.</summary>
    public static IReadOnlyList<string>? FindArguments(object? boundValue) =>
        boundValue is not null && ArgumentCells.TryGetValue(boundValue, out var items) ? items : null;
}
