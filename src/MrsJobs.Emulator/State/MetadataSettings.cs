using System;

namespace MrsJobs.Emulator.State;

/// <summary>How the emulated metadata service fails, when it does.</summary>
public enum MetadataFailure
{
    /// <summary>It answers normally.</summary>
    None,

    /// <summary>The VM has no agency: <c>securitykey</c> answers 401 "Please configure Cloud Service Agency first".</summary>
    NoAgency,

    /// <summary>Every metadata route answers 500.</summary>
    ServerError,

    /// <summary>Every metadata route holds the request for 30 seconds (real time) before answering 503, as an address nothing answers on.</summary>
    Silent,
}

/// <summary>The emulated ECS metadata service's behaviour.</summary>
/// <param name="KeyLifetime">How long each temporary key pair lives.</param>
/// <param name="Failure">How it fails, if it does.</param>
/// <param name="TokensSupported">Whether <c>PUT /meta-data/latest/api/token</c> exists (older services answer 404).</param>
/// <param name="RequireSessionToken">Whether <c>securitykey</c> and <c>meta_data.json</c> refuse requests without a valid <c>X-Metadata-Token</c>.</param>
/// <param name="User">The IAM user of the demo account the agency's keys act as (synchronized to the clusters).</param>
/// <param name="ProjectId">The project <c>meta_data.json</c> names.</param>
/// <param name="AvailabilityZone">The availability zone <c>meta_data.json</c> names.</param>
public sealed record MetadataSettings(
    TimeSpan KeyLifetime,
    MetadataFailure Failure,
    bool TokensSupported,
    bool RequireSessionToken,
    string User,
    string ProjectId,
    string AvailabilityZone)
{
    /// <summary>One-hour keys, tokens supported and optional, the demo user in cn-north-4a.</summary>
    public static MetadataSettings Default { get; } = new(
        TimeSpan.FromHours(1), MetadataFailure.None, TokensSupported: true, RequireSessionToken: false, SeedData.UserName, SeedData.CnNorth4ProjectId, "cn-north-4a");
}

/// <summary>What the emulated metadata service has been asked since the last reset.</summary>
/// <param name="SessionTokenRequests">Requests to <c>PUT /meta-data/latest/api/token</c>.</param>
/// <param name="SecurityKeyRequests">Requests to <c>GET /openstack/latest/securitykey</c>, answered or refused.</param>
/// <param name="KeysIssued">Temporary key pairs issued (a pair is handed out again until it is due for rotation).</param>
/// <param name="InstanceRequests">Requests to <c>GET /openstack/latest/meta_data.json</c>.</param>
public sealed record MetadataCounts(int SessionTokenRequests, int SecurityKeyRequests, int KeysIssued, int InstanceRequests);
