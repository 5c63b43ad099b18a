using System.Collections.Generic;

namespace MrsJobs.Emulator.Control;

/// <summary>Body of <c>POST /_emulator/clusters</c>. Omitted <c>unsynchronized_users</c> means <c>["unsynced-user"]</c>.</summary>
internal sealed record ClusterBody(
    string? ClusterId,
    string? ProjectId,
    IReadOnlyList<string>? Components,
    string? State,
    IReadOnlyList<string>? UnsynchronizedUsers);

/// <summary>Body of <c>POST /_emulator/users</c>.</summary>
internal sealed record UserBody(string? Domain, string? Name, string? Password);

/// <summary>Body of <c>POST /_emulator/projects</c>: a project (such as a sub-project <c>cn-north-4_etl</c>) of an account.</summary>
internal sealed record ProjectBody(string? Domain, string? Name);

/// <summary>Body of <c>POST /_emulator/tokens</c>; <c>lifetime_seconds</c> defaults to the token-lifetime setting.</summary>
internal sealed record TokenBody(string? User, string? Domain, string? ProjectId, double? LifetimeSeconds);

/// <summary>Reply of <c>POST /_emulator/tokens</c>.</summary>
internal sealed record TokenView(string Token, string ExpiresAt);

/// <summary>Body of <c>POST /_emulator/access-keys</c>; <c>temporary</c> defaults to whether a security token is given.</summary>
internal sealed record AccessKeyBody(string? User, string? Domain, string? AccessKey, string? SecretKey, bool? Temporary, string? SecurityToken);

/// <summary>Reply of <c>POST /_emulator/access-keys</c> (the SK is not echoed).</summary>
internal sealed record AccessKeyView(string AccessKey, bool Temporary, string? SecurityToken, string User, string Domain, string DomainId);

/// <summary>
/// Body of <c>PUT /_emulator/settings</c>, and the reply of both settings routes. A null member is left
/// unchanged; so is a member of <c>default_job_plan</c> left out.
/// </summary>
internal sealed record SettingsBody(
    double? TokenLifetimeSeconds,
    bool? ArgumentCharacterCheck,
    string? ListOffsetMode,
    JobPlanBody? DefaultJobPlan,
    int? LatencyMs = null);

/// <summary>
/// Body of <c>POST /_emulator/faults</c>, and an item of <c>GET /_emulator/faults</c>. <c>kind</c> defaults to
/// <c>error</c>, the only kind that needs <c>status</c> and <c>error_code</c>.
/// </summary>
internal sealed record FaultBody(
    string? ClusterId,
    int? Count,
    int? Status,
    string? ErrorCode,
    string? ErrorMsg,
    string? Shape,
    int? RetryAfterSeconds,
    string? Operation = null,
    string? Kind = null,
    bool? RetryAfterHttpDate = null);

/// <summary>An item of <c>GET /_emulator/clusters</c>.</summary>
internal sealed record ClusterView(
    string ClusterId,
    string ProjectId,
    IReadOnlyList<string> Components,
    string State,
    IReadOnlyList<string> UnsynchronizedUsers);

/// <summary>An item of <c>GET /_emulator/requests</c>; <c>received_at</c> in UTC epoch milliseconds.</summary>
internal sealed record RequestView(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    long ReceivedAt);
