namespace MrsJobs.Core.Input;

/// <summary>How a text cell (a CSV value, or a single string given to a parameter) was written.</summary>
internal enum CellNotation
{
    /// <summary>The cell was empty or blank: no value.</summary>
    Empty,

    /// <summary>JSON: an array for arguments, an object for properties.</summary>
    Json,

    /// <summary>Plain text: whitespace-separated arguments, or <c>key=value</c> pairs separated by <c>;</c> or line breaks.</summary>
    Plain,
}
