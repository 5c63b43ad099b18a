using System;

namespace MrsJobs.Core.Input;

/// <summary>A cell whose text does not follow its documented notation.</summary>
internal sealed class CellParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CellParseException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The API field the cell was meant for (<c>arguments</c> or <c>properties</c>).</summary>
    public string Field { get; }
}
