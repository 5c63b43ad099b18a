using System;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator;

/// <summary>How an <see cref="EmulatorServer"/> starts, and the settings a reset restores.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The default listening address: loopback, on a free port.</summary>
    public const string DefaultUrls = "http://127.0.0.1:0";

    /// <summary>
    /// Where to listen: one or more <c>http://</c> URLs separated by <c>;</c>, each on a loopback
    /// address (<c>127.0.0.1</c>, <c>[::1]</c> or <c>localhost</c>); port 0 picks a free port.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>How long IAM tokens live; 24 hours by default, as on the real service.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether the forbidden-character rule for job arguments is enforced (on by default).</summary>
    public bool ArgumentCharacterCheck { get; set; } = true;

    /// <summary>What the job list's <c>offset</c> counts: pages from 1 (the default), pages from 0, records from 0 or from 1.</summary>
    public ListOffsetMode ListOffsetMode { get; set; } = ListOffsetMode.PagesFromOne;

    /// <summary>The timeline of jobs that no job plan matches; <see cref="JobPlan.Default"/> unless set.</summary>
    public JobPlan DefaultJobPlan { get; set; } = JobPlan.Default;

    /// <summary>The clock for timestamps, token expiry and job timelines; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The host names of an HTTPS listener (127.0.0.1, a free port) with a self-signed certificate made at
    /// start-up; <see langword="null"/> (the default) for no HTTPS listener.
    /// </summary>
    public string[]? TlsHostNames { get; set; }

    /// <summary>Where to write the HTTPS listener's certificate as PEM (for clients to trust); <see langword="null"/> for nowhere.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The port of a forward proxy on 127.0.0.1 (0 picks a free one); <see langword="null"/> (the default) for none.</summary>
    public int? ForwardProxyPort { get; set; }
}
