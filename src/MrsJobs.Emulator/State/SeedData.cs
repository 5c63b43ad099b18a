namespace MrsJobs.Emulator.State;

/// <summary>
/// The fixed names, identifiers and passwords of the seeded demo account. Every start and every
/// reset restores exactly this state, so tests, demos and documentation can rely on the values.
/// </summary>
public static class SeedData
{
    /// <summary>The account (IAM domain) name.</summary>
    public const string DomainName = "demo-account";

    /// <summary>The account (IAM domain) id.</summary>
    public const string DomainId = "d0e1a2c3b4f5467889a0b1c2d3e4f5a6";

    /// <summary>The IAM user that is synchronized to every seeded cluster.</summary>
    public const string UserName = "demo-user";

    /// <summary>The id of <see cref="UserName"/>.</summary>
    public const string UserId = "e1f2a3b4c5d6478899aabbccddeeff01";

    /// <summary>The password of <see cref="UserName"/>.</summary>
    public const string Password = "Demo-Passw0rd!";

    /// <summary>An IAM user that is synchronized to no cluster: its submissions get 0192.</summary>
    public const string UnsyncedUserName = "unsynced-user";

    /// <summary>The id of <see cref="UnsyncedUserName"/>.</summary>
    public const string UnsyncedUserId = "f2a3b4c5d6e7489aabbccddeeff00112";

    /// <summary>The password of <see cref="UnsyncedUserName"/>.</summary>
    public const string UnsyncedPassword = "Unsynced-Passw0rd!";

    /// <summary>The name of the project that holds the seeded clusters.</summary>
    public const string CnNorth4ProjectName = "cn-north-4";

    /// <summary>The id of the <see cref="CnNorth4ProjectName"/> project.</summary>
    public const string CnNorth4ProjectId = "0b4a5b9c6d7e4f8091a2b3c4d5e6f708";

    /// <summary>The name of a second project, with no clusters.</summary>
    public const string ApSoutheast1ProjectName = "ap-southeast-1";

    /// <summary>The id of the <see cref="ApSoutheast1ProjectName"/> project.</summary>
    public const string ApSoutheast1ProjectId = "1c5b6cad7e8f40a1b2c3d4e5f6a7b809";

    /// <summary>A running cluster with Hadoop, Spark, Hive and Flink: every job type is accepted.</summary>
    public const string FullClusterId = "6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b";

    /// <summary>A running cluster with Hadoop and Spark only: Hive jobs get 0168, Flink jobs 0169.</summary>
    public const string NoHiveNoFlinkClusterId = "7c2b0d3f-5a4e-4f9b-8c8d-3e6f9a2b4d5c";

    /// <summary>A running cluster with Hadoop only: Spark jobs get 0057, Hive 0168, Flink 0169.</summary>
    public const string HadoopOnlyClusterId = "8d3c1e4a-6b5f-4a0c-9d9e-4f7a0b3c5e6d";

    /// <summary>The permanent access key (AK) of <see cref="UserName"/>.</summary>
    public const string AccessKey = "DEMOACCESSKEY0000001";

    /// <summary>The secret key (SK) of <see cref="AccessKey"/>.</summary>
    public const string SecretKey = "demo-secret-key-of-the-emulator-0001";

    /// <summary>A temporary access key (AK) of <see cref="UserName"/>: it needs <see cref="SecurityToken"/>.</summary>
    public const string TemporaryAccessKey = "DEMOTEMPACCESSKEY001";

    /// <summary>The secret key (SK) of <see cref="TemporaryAccessKey"/>.</summary>
    public const string TemporarySecretKey = "demo-temporary-secret-key-0001";

    /// <summary>The security token of <see cref="TemporaryAccessKey"/>, sent as <c>X-Security-Token</c>.</summary>
    public const string SecurityToken = "demo-security-token-0001";

    /// <summary>The cluster state that admits jobs.</summary>
    public const string RunningState = "running";

    /// <summary>Puts the seeded account, users, projects, access keys and clusters into empty stores.</summary>
    internal static void Apply(IdentityStore identity, AccessKeyStore accessKeys, ClusterStore clusters)
    {
        var domain = identity.AddDomain(DomainName, DomainId);
        identity.AddProject(new EmulatorProject(CnNorth4ProjectId, CnNorth4ProjectName, domain.Id));
        identity.AddProject(new EmulatorProject(ApSoutheast1ProjectId, ApSoutheast1ProjectName, domain.Id));
        var user = identity.PutUser(new EmulatorUser(UserId, UserName, Password, domain.Id));
        accessKeys.Put(new EmulatorAccessKey(AccessKey, SecretKey, null, user));
        accessKeys.Put(new EmulatorAccessKey(TemporaryAccessKey, TemporarySecretKey, SecurityToken, user));
        identity.PutUser(new EmulatorUser(UnsyncedUserId, UnsyncedUserName, UnsyncedPassword, domain.Id));

        clusters.Put(Cluster(FullClusterId, ClusterComponent.Hadoop, ClusterComponent.Spark, ClusterComponent.Hive, ClusterComponent.Flink));
        clusters.Put(Cluster(NoHiveNoFlinkClusterId, ClusterComponent.Hadoop, ClusterComponent.Spark));
        clusters.Put(Cluster(HadoopOnlyClusterId, ClusterComponent.Hadoop));
    }

    private static EmulatorCluster Cluster(string id, params ClusterComponent[] components) =>
        new(id, CnNorth4ProjectId, components, RunningState, new[] { UnsyncedUserName });
}
