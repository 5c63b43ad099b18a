namespace MrsJobs.Emulator.State;

/// <summary>What the 1-based <c>offset</c> of the job list counts; the documentation leaves it open.</summary>
public enum ListOffsetMode
{
    /// <summary><c>offset</c> N is the Nth page of <c>limit</c> jobs (the default).</summary>
    Page,

    /// <summary><c>offset</c> N starts the page at the Nth job.</summary>
    Record,
}
