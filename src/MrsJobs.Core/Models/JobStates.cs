using System;
using System.Collections.Generic;
using System.Linq;

namespace MrsJobs.Core.Models;

/// <summary>
/// The values of <c>job_state</c>: the YARN life of a job. <see cref="Finished"/> only means the
/// application ended; whether it succeeded is <see cref="JobResults"/>' business.
/// </summary>
public static class JobStates
{
    /// <summary>Created, not yet saved.</summary>
    public const string New = "NEW";

    /// <summary>Being saved.</summary>
    public const string NewSaving = "NEW_SAVING";

    /// <summary>Submitted to YARN.</summary>
    public const string Submitted = "SUBMITTED";

    /// <summary>Accepted by YARN, waiting for resources.</summary>
    public const string Accepted = "ACCEPTED";

    /// <summary>Running.</summary>
    public const string Running = "RUNNING";

    /// <summary>The application ended (successfully or not: see <c>job_result</c>).</summary>
    public const string Finished = "FINISHED";

    /// <summary>The job failed.</summary>
    public const string Failed = "FAILED";

    /// <summary>The job was killed.</summary>
    public const string Killed = "KILLED";

    /// <summary>Every state, in life order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { New, NewSaving, Submitted, Accepted, Running, Finished, Failed, Killed };

    /// <summary>The states after which nothing changes.</summary>
    public static IReadOnlyList<string> Terminal { get; } = new[] { Finished, Failed, Killed };

    /// <summary><c>true</c> for FINISHED, FAILED and KILLED, in any case.</summary>
    public static bool IsTerminal(string? state) =>
        state is not null && Terminal.Any(t => string.Equals(t, state.Trim(), StringComparison.OrdinalIgnoreCase));
}
