using System.Collections.Generic;

namespace MrsJobs.Core.Models;

/// <summary>
/// The result rows of one statement of a SparkSql or SparkScript job, as <c>sql-result</c> returns them
/// (the service shows at most the first 10 rows of each statement; the full result is in HDFS).
/// </summary>
public sealed class SqlStatementResult
{
    /// <summary>Creates the value.</summary>
    public SqlStatementResult(int statementIndex, IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> rows)
    {
        StatementIndex = statementIndex;
        Rows = rows;
    }

    /// <summary>The statement's position in the job, from 0.</summary>
    public int StatementIndex { get; }

    /// <summary>The rows, each a list of column name and value (string, number, boolean or <c>null</c>) in the service's order.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> Rows { get; }
}
