using System.Globalization;
using System.Management.Automation;

namespace MrsJobs.Errors;

/// <summary>
/// How errors name one input row ("Row 3 (job 'x')"), and the object they target. Both are built only
/// when an error needs them: most rows never do.
/// </summary>
internal sealed class RowSubject
{
    private readonly int _row;
    private readonly string? _clusterId;
    private readonly string? _jobName;
    private readonly string? _jobType;

    public RowSubject(int row, string? clusterId, string? jobName, string? jobType, bool fromPipeline)
    {
        _row = row;
        _clusterId = clusterId;
        _jobName = jobName;
        _jobType = jobType;
        FromPipeline = fromPipeline;
    }

    /// <summary><c>true</c> when the row came from the pipeline (a command-line job's service errors are shown as they are).</summary>
    public bool FromPipeline { get; }

    /// <summary>The words that start each error of the row.</summary>
    public string Text => FromPipeline
        ? string.IsNullOrEmpty(_jobName)
            ? string.Format(CultureInfo.InvariantCulture, "Row {0}", _row)
            : string.Format(CultureInfo.InvariantCulture, "Row {0} (job '{1}')", _row, _jobName)
        : $"Job '{_jobName}'";

    /// <summary>The error target: the row's number and what identifies its job (never its arguments or properties).</summary>
    public PSObject Target
    {
        get
        {
            var target = new PSObject();
            target.Properties.Add(new PSNoteProperty("Row", _row));
            target.Properties.Add(new PSNoteProperty("ClusterId", _clusterId));
            target.Properties.Add(new PSNoteProperty("JobName", _jobName));
            target.Properties.Add(new PSNoteProperty("JobType", _jobType));
            return target;
        }
    }
}
