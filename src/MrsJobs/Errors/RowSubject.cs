using System.Globalization;
using System.Management.Automation;

namespace MrsJobs.Errors;

/// <summary>How errors name one input row ("Row 3 (job 'x')"), and the object they target.</summary>
internal sealed class RowSubject
{
    public RowSubject(int row, string? clusterId, string? jobName, string? jobType, bool fromPipeline)
    {
        FromPipeline = fromPipeline;
        Text = fromPipeline
            ? string.Format(CultureInfo.InvariantCulture, "Row {0} (job '{1}')", row, jobName)
            : $"Job '{jobName}'";
        var target = new PSObject();
        target.Properties.Add(new PSNoteProperty("Row", row));
        target.Properties.Add(new PSNoteProperty("ClusterId", clusterId));
        target.Properties.Add(new PSNoteProperty("JobName", jobName));
        target.Properties.Add(new PSNoteProperty("JobType", jobType));
        Target = target;
    }

    /// <summary><c>true</c> when the row came from the pipeline (a command-line job's service errors are shown as they are).</summary>
    public bool FromPipeline { get; }

    /// <summary>The words that start each error of the row.</summary>
    public string Text { get; }

    /// <summary>The error target: the row's number and what identifies its job (never its arguments or properties).</summary>
    public PSObject Target { get; }
}
