using System.Runtime.CompilerServices;
using MrsJobs.Core.Input;

namespace MrsJobs.Binding;

/// <summary>
/// Cell notation errors found during parameter binding. A transformation attribute cannot know
/// which pipeline row it is binding, and an exception there would skip the row with a generic
/// binding error; so it returns an empty value and files the error here against that very
/// value instance, and the cmdlet reports it with the row number and job name.
/// </summary>
internal static class CellParseFailures
{
    private static readonly ConditionalWeakTable<object, CellParseException> Failures = new();

    /// <summary>Remembers that <paramref name="boundValue"/> stands for a cell that could not be read.</summary>
    public static T Record<T>(T boundValue, CellParseException failure)
        where T : class
    {
        Failures.Add(boundValue, failure);
        return boundValue;
    }

    /// <summary>The failure filed for <paramref name="boundValue"/>, if any.</summary>
    public static CellParseException? Find(object? boundValue) =>
        boundValue is not null && Failures.TryGetValue(boundValue, out var failure) ? failure : null;
}
