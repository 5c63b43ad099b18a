// netstandard2.0 lacks the marker type that init-only setters need.
namespace System.Runtime.CompilerServices;

/// <summary>Compiler marker for init-only setters on netstandard2.0.</summary>
internal static class IsExternalInit
{
}
