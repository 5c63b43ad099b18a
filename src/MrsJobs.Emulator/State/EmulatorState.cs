using System;

namespace MrsJobs.Emulator.State;

/// <summary>
/// Everything the emulator knows: identities and tokens, clusters, jobs, queued faults and the fault mix,
/// recorded requests, measurements and settings. The HTTP endpoints and the control API work on this one object, and
/// in-process tests reach the same object through <see cref="EmulatorServer.State"/>.
/// </summary>
public sealed class EmulatorState
{
    private readonly EmulatorOptions options;

    /// <summary>Creates the state, seeded as <see cref="SeedData"/> describes.</summary>
    /// <param name="options">The options whose defaults <see cref="Reset"/> restores; <see langword="null"/> for the defaults.</param>
    public EmulatorState(EmulatorOptions? options = null)
    {
        this.options = options ?? new EmulatorOptions();
        Time = this.options.TimeProvider;
        Settings = new EmulatorSettings(this.options);
        Identity = new IdentityStore(Time);
        AccessKeys = new AccessKeyStore();
        Clusters = new ClusterStore();
        Jobs = new JobStore();
        JobPlans = new JobPlanStore();
        Faults = new FaultQueue();
        ListChanges = new ListChangeQueue();
        FaultMix = new FaultMix();
        Requests = new RequestLog();
        Stats = new EmulatorStats();
        Metadata = new MetadataServiceState(Time);
        IdentityProviders = new IdentityProviderStore();
        SeedData.Apply(Identity, AccessKeys, Clusters);
    }

    /// <summary>The clock every timestamp and expiry check uses.</summary>
    public TimeProvider Time { get; }

    /// <summary>Run-time behaviour switches.</summary>
    public EmulatorSettings Settings { get; }

    /// <summary>Accounts, users, projects and tokens.</summary>
    public IdentityStore Identity { get; }

    /// <summary>Access keys (AK/SK) and their lockout.</summary>
    public AccessKeyStore AccessKeys { get; }

    /// <summary>Clusters.</summary>
    public ClusterStore Clusters { get; }

    /// <summary>Accepted jobs.</summary>
    public JobStore Jobs { get; }

    /// <summary>Per-job-name timelines.</summary>
    public JobPlanStore JobPlans { get; }

    /// <summary>Queued one-shot faults.</summary>
    public FaultQueue Faults { get; }

    /// <summary>Job changes queued to happen between the pages of a job list.</summary>
    public ListChangeQueue ListChanges { get; }

    /// <summary>The seeded random fault mix for submissions (none until set).</summary>
    public FaultMix FaultMix { get; }

    /// <summary>Recorded IAM and MRS requests (the last <see cref="RequestLog.Capacity"/>).</summary>
    public RequestLog Requests { get; }

    /// <summary>Measurements: requests in flight and their peak, submissions received, faults fired.</summary>
    public EmulatorStats Stats { get; }

    /// <summary>The emulated ECS metadata service: settings, session tokens, the agency's temporary keys.</summary>
    public MetadataServiceState Metadata { get; }

    /// <summary>Identity providers for ID-token federation.</summary>
    public IdentityProviderStore IdentityProviders { get; }

    /// <summary>
    /// Stores an accepted job with the plan its name resolves to (the first matching job plan, else the
    /// default plan setting) and its YARN application numbers.
    /// </summary>
    /// <param name="job">The job as submitted.</param>
    /// <returns>The job as stored.</returns>
    public StoredJob Admit(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var stored = job with
        {
            Plan = JobPlans.Resolve(job.JobName, Settings.DefaultJobPlan),
            ApplicationNumber = Jobs.NextApplicationNumber(),
        };
        Jobs.Add(stored);
        return stored;
    }

    /// <summary>
    /// Restores the seeded state: identities and access keys (issued tokens, added keys and lockouts are forgotten),
    /// the metadata service (its settings, keys and counts) and identity providers,
    /// clusters, jobs, job plans, faults, queued list changes and the fault mix, recorded requests, measurements (as
    /// <see cref="EmulatorStats.Reset"/>) and settings.
    /// </summary>
    public void Reset()
    {
        Identity.Clear();
        AccessKeys.Clear();
        Clusters.Clear();
        Jobs.Clear();
        JobPlans.Clear();
        Faults.Clear();
        ListChanges.Clear();
        FaultMix.Clear();
        Requests.Clear();
        Stats.Reset();
        Metadata.Reset();
        IdentityProviders.Clear();
        Settings.Reset(options);
        SeedData.Apply(Identity, AccessKeys, Clusters);
    }
}
