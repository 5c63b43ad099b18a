using System;
using System.Diagnostics;
using System.Threading;
using MrsJobs.Core.Api;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Sessions;

/// <summary>
/// A signed-in connection to one project: where to send requests and how to authenticate them.
/// Everything public is safe to show; the credentials stay inside the authenticator.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class MrsSession
{
    /// <summary>Creates a session. Normally made by <c>Connect-MrsProject</c> through <see cref="Auth.SessionFactory"/>.</summary>
    internal MrsSession(
        string? region,
        string projectId,
        string? projectName,
        Uri endpoint,
        Uri? iamEndpoint,
        AuthMethod authMethod,
        IRequestAuthenticator authenticator,
        string? userAgent = null,
        SessionOptions? options = null,
        string? userName = null,
        string? domainName = null,
        string? credentialSource = null,
        IDisposable? secrets = null,
        string? endpointSource = null,
        string? iamEndpointSource = null)
    {
        EndpointSource = endpointSource;
        IamEndpointSource = iamEndpointSource;
        CredentialSource = credentialSource;
        _secrets = secrets;
        Region = region;
        ProjectId = projectId ?? throw new ArgumentNullException(nameof(projectId));
        ProjectName = projectName;
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        IamEndpoint = iamEndpoint;
        AuthMethod = authMethod;
        Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
        UserName = userName;
        DomainName = domainName;
        var settings = options ?? new SessionOptions();
        Clock = settings.Clock;
        ConnectedAt = Clock.GetLocalNow();
        Timeout = settings.Timeout;
        Retry = settings.Retry;
        _userAgent = userAgent ?? "MrsJobs";
        _jobs = new Lazy<MrsJobClient>(CreateClient, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        _proxy = settings.Proxy;
        _http = HttpClientPool.Acquire(_proxy);
    }

    private readonly ProxyConfiguration _proxy;
    private readonly HttpClientLease _http;   // the session's one pooled client, for its proxy configuration

    private readonly IDisposable? _secrets;
    private readonly string _userAgent;
    private readonly Lazy<MrsJobClient> _jobs;

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>What is retried and how.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>The session's clock: expiry checks, back-off waits, pacing.</summary>
    internal TimeProvider Clock { get; }

    /// <summary>The session's one job API client (and with it one HTTP pipeline), built at first use.</summary>
    internal MrsJobClient Jobs => _jobs.Value;

    /// <summary>The jobs known to belong to a row of any command of this session (never matched to a lost answer).</summary>
    internal Submission.ClaimedJobs ClaimedJobs
    {
        get
        {
            // Commands of several runspaces may share the session: they must share one set of claims.
            var claims = Volatile.Read(ref _claimedJobs);
            return claims ?? Interlocked.CompareExchange(ref _claimedJobs, new Submission.ClaimedJobs(Clock), null) ?? _claimedJobs!;
        }
    }

    private Submission.ClaimedJobs? _claimedJobs;

    /// <summary>What the job list's <c>offset</c> means at this session's endpoint, as far as listings have learned it.</summary>
    internal ListOffsetCache ListOffsets { get; } = new();

    /// <summary>Paces reads that poll (Wait-MrsJobExecution) across every command using this session.</summary>
    internal RequestPacer ReadPacer { get; } = new(10);

    /// <summary>The region, e.g. <c>cn-north-4</c>; <c>null</c> when only endpoints were given.</summary>
    public string? Region { get; }

    /// <summary>The project id used in every MRS path.</summary>
    public string ProjectId { get; }

    /// <summary>The project name, when known.</summary>
    public string? ProjectName { get; }

    /// <summary>The MRS base URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>The IAM base URL, when known.</summary>
    public Uri? IamEndpoint { get; }

    /// <summary>Where <see cref="Endpoint"/> came from: <c>Parameter (-Endpoint)</c>, <c>Environment (HUAWEICLOUD_SDK_REGION_MRS_…)</c>, <c>RegionsFile (…)</c>, <c>RegionTable</c> or <c>Guessed (…)</c>.</summary>
    public string? EndpointSource { get; }

    /// <summary>Where <see cref="IamEndpoint"/> came from: as <see cref="EndpointSource"/>, or <c>CredentialsFile (…)</c> or <c>GlobalFallback (…)</c>.</summary>
    public string? IamEndpointSource { get; }

    /// <summary>How requests are authenticated.</summary>
    public AuthMethod AuthMethod { get; }

    /// <summary>When the current credentials expire; <c>null</c> when unknown (a bare token) or never (an access key). A password session renews its token before then.</summary>
    public DateTimeOffset? ExpiresAt => Authenticator.ExpiresAt;

    /// <summary><c>true</c> when the session renews its credentials by itself (password sessions).</summary>
    public bool CanRenew => Authenticator.CanRenew;

    /// <summary>The IAM user, for password sessions.</summary>
    public string? UserName { get; }

    /// <summary>The account (domain), for password sessions.</summary>
    public string? DomainName { get; }

    /// <summary>Where the access key came from (parameters, environment variables or a profile file), with a hint of the key; never the key itself.</summary>
    public string? CredentialSource { get; }

    /// <summary>The proxy requests to <see cref="Endpoint"/> go through, and where it comes from (-Proxy, system settings), or why none is used; never its password.</summary>
    public string Proxy => _proxy.Describe(Endpoint);

    /// <summary><c>true</c> when requests to <see cref="Endpoint"/> go through a proxy.</summary>
    internal bool UsesProxy => _proxy.ProxyFor(Endpoint) is not null;

    /// <summary>When the session was made.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary><c>true</c> when the expiry is known and has passed and the session cannot renew itself.</summary>
    public bool IsExpired => !CanRenew && ExpiresAt is { } expiry && expiry <= Clock.GetUtcNow();

    /// <summary>Adds credentials to requests. Internal: never shown.</summary>
    internal IRequestAuthenticator Authenticator { get; }

    /// <summary><c>true</c> once Disconnect-MrsProject has forgotten the session.</summary>
    public bool IsForgotten { get; private set; }

    /// <summary>Drops what the session keeps to authenticate (a password copy, a secret key) from memory. The session cannot be used afterwards.</summary>
    internal void Forget()
    {
        IsForgotten = true;
        (Authenticator as IDisposable)?.Dispose();
        _secrets?.Dispose();
        _http.Dispose();
        _proxy.DropPassword();
    }

    private MrsJobClient CreateClient()
    {
        SharedHttpClient.ConfigureEndpoint(Endpoint, _proxy);
        return new MrsJobClient(this, new MrsHttpPipeline(_http.Client, Authenticator, _userAgent, Timeout, Retry, Clock, _proxy));
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var who = UserName is not null ? $"{UserName}@{DomainName}" : CredentialSource ?? AuthMethod.ToString();
        var expiry = ExpiresAt is { } at ? $", expires {at.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}" : string.Empty;
        return $"MRS session {who} on project {ProjectName ?? ProjectId} ({ProjectId}) at {Endpoint}{expiry}";
    }
}
