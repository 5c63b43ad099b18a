using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Json;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>
/// Asks the ECS/BMS instance metadata service for the VM agency's temporary keys and for the VM's project, as
/// the SDKs' metadata accessor does (huaweicloud-sdk-go-v3 <c>core/auth/internal/metadata_accessor.go</c>): first a
/// session token, <c>PUT /meta-data/latest/api/token</c> with <c>X-Metadata-Token-Ttl-Seconds: 21600</c>, sent as
/// <c>X-Metadata-Token</c> (a service that answers the PUT with 404 or 405 predates tokens: the keys are asked for
/// without one, and tokens are tried again a day later); then <c>GET /openstack/latest/securitykey</c>. A 401 whose
/// body does not say the VM has no agency gets a new session token and one more try.
/// </summary>
internal sealed class MetadataServiceClient
{
    /// <summary>The session token path.</summary>
    public const string TokenPath = "meta-data/latest/api/token";

    /// <summary>The temporary keys path.</summary>
    public const string SecurityKeyPath = "openstack/latest/securitykey";

    /// <summary>The instance metadata path.</summary>
    public const string InstancePath = "openstack/latest/meta_data.json";

    /// <summary>The session token header.</summary>
    public const string TokenHeader = "X-Metadata-Token";

    /// <summary>The header asking for the session token's lifetime.</summary>
    public const string TokenLifetimeHeader = "X-Metadata-Token-Ttl-Seconds";

    private const string TokenLifetimeSeconds = "21600";   // 6 hours, the SDK's DefaultTokenTTLSeconds
    private const string NoAgency = "Please configure Cloud Service Agency first";
    private static readonly TimeSpan RetryTokensAfter = TimeSpan.FromHours(24);   // the SDK's DefaultCheckTokenDurationSecond

    private readonly MetadataExchange _exchange;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private string? _token;
    private DateTimeOffset? _tokenAskedAt;

    /// <summary>Creates the client.</summary>
    public MetadataServiceClient(MetadataExchange exchange, TimeProvider clock)
    {
        _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The service, as messages name it.</summary>
    public string Display => _exchange.Display;

    /// <summary>The VM agency's temporary keys.</summary>
    /// <exception cref="MetadataServiceException">No answer, a refusal (no agency), or keys that cannot be read.</exception>
    public async Task<TemporaryKeys> GetSecurityKeyAsync(CallContext context)
    {
        if (NeedsToken())
        {
            await AskForTokenAsync(mustHaveOne: false, context).ConfigureAwait(false);
        }

        var (status, body) = await _exchange.SendAsync(HttpMethod.Get, SecurityKeyPath, TokenHeaders(), bodyHoldsKeys: true, context).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized && body.IndexOf(NoAgency, StringComparison.Ordinal) < 0)
        {
            await AskForTokenAsync(mustHaveOne: true, context).ConfigureAwait(false);
            (status, body) = await _exchange.SendAsync(HttpMethod.Get, SecurityKeyPath, TokenHeaders(), bodyHoldsKeys: true, context).ConfigureAwait(false);
        }

        if ((int)status >= 300)
        {
            throw Refused("temporary keys", status, body);
        }

        return ReadKeys(body);
    }

    /// <summary>The VM's project and region.</summary>
    /// <exception cref="MetadataServiceException">No answer, a refusal, or an answer that is not the instance's metadata.</exception>
    public async Task<InstanceInfo> GetInstanceAsync(CallContext context)
    {
        if (NeedsToken())
        {
            await AskForTokenAsync(mustHaveOne: false, context).ConfigureAwait(false);
        }

        var (status, body) = await _exchange.SendAsync(HttpMethod.Get, InstancePath, TokenHeaders(), bodyHoldsKeys: false, context).ConfigureAwait(false);
        if ((int)status >= 300)
        {
            throw Refused("the instance's metadata", status, body);
        }

        var parsed = WireReader.TryRead(body, MrsJsonContext.Wire.MetadataInstanceBody)
            ?? throw Invalid($"answered {InstancePath} with a body that is not JSON metadata");
        return new InstanceInfo(parsed.ProjectId, parsed.AvailabilityZone);
    }

    private bool NeedsToken()
    {
        lock (_gate)
        {
            return _token is null && (_tokenAskedAt is not { } asked || _clock.GetUtcNow() - asked > RetryTokensAfter);
        }
    }

    private (string, string)[] TokenHeaders()
    {
        lock (_gate)
        {
            return _token is null ? Array.Empty<(string, string)>() : new[] { (TokenHeader, _token) };
        }
    }

    private async Task AskForTokenAsync(bool mustHaveOne, CallContext context)
    {
        lock (_gate)
        {
            _tokenAskedAt = _clock.GetUtcNow();
        }

        var (status, body) = await _exchange.SendAsync(HttpMethod.Put, TokenPath, new[] { (TokenLifetimeHeader, TokenLifetimeSeconds) }, bodyHoldsKeys: true, context).ConfigureAwait(false);
        var token = status == HttpStatusCode.OK && body.Trim().Length > 0 ? body.Trim() : null;
        var noTokens = status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed;
        if (token is null && (mustHaveOne || !noTokens))
        {
            throw Refused("a session token", status, body);
        }

        lock (_gate)
        {
            _token = token;
        }
    }

    private TemporaryKeys ReadKeys(string body)
    {
        var credential = WireReader.TryRead(body, MrsJsonContext.Wire.MetadataSecurityKeyBody)?.Credential;
        if (credential is null || string.IsNullOrWhiteSpace(credential.Access) || string.IsNullOrEmpty(credential.Secret) || string.IsNullOrWhiteSpace(credential.SecurityToken))
        {
            throw Invalid($"answered {SecurityKeyPath} without credential.access, credential.secret and credential.securitytoken");
        }

        if (!DateTimeOffset.TryParse(credential.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiresAt))
        {
            throw Invalid($"answered {SecurityKeyPath} without a readable credential.expires_at");
        }

        using var secret = SecretText.Protect(credential.Secret!);
        return new TemporaryKeys(new AkSkCredentials(credential.Access!, secret, credential.SecurityToken), expiresAt);
    }

    private MetadataServiceException Refused(string what, HttpStatusCode status, string body)
    {
        var says = ApiErrorParser.Parse(body).Message ?? Shorten(body);
        var reason = $"HTTP {(int)status}{(says.Length == 0 ? string.Empty : ": " + says)}";
        var advice = body.IndexOf(NoAgency, StringComparison.Ordinal) >= 0
            ? "Give the VM an agency (ECS console: the server's Management Information, Agency) with permissions for MRS."
            : null;
        return new MetadataServiceException(
            $"The instance metadata service at {Display} refused {what} ({reason}).", reason, MrsErrorCatalog.KindFromStatus(status), ErrorIds.MetadataRefused, status, advice);
    }

    private MetadataServiceException Invalid(string what) =>
        new($"The instance metadata service at {Display} {what}.", "an unreadable answer", MrsErrorKind.Protocol, ErrorIds.MetadataInvalidResponse);

    // A plain-text refusal is shown, but only its start, and never what might be a token.
    private static string Shorten(string body)
    {
        var text = Security.Redactor.Text(body.Trim());
        return text.Length <= 200 ? text : text.Substring(0, 200) + "…";
    }
}
