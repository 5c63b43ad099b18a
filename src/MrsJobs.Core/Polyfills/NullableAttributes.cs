// netstandard2.0 lacks the flow-analysis attributes; the compiler recognises these by name.
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The output is not null when the method returns the given value.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    /// <summary>The return value for which the output is not null.</summary>
    public bool ReturnValue { get; }
}
