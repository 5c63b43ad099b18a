using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth;

/// <summary>
/// Adds <c>X-Auth-Token</c> with a token got by password, and gets a new one before it expires or when
/// the service says it has. What renewal needs (user, domain, the password as a read-only
/// <see cref="System.Security.SecureString"/> copy, IAM endpoint, project id) is kept in memory only and
/// dropped by <see cref="Dispose"/>.
/// </summary>
internal sealed class PasswordTokenAuthenticator : IRequestAuthenticator, IDisposable
{
    private readonly PasswordSignIn _signIn;
    private readonly Uri _iamEndpoint;
    private readonly string _projectId;
    private readonly RenewableCredential<IamToken> _token;
    private readonly SessionOptions _options;   // the session's timeout, retries and clock apply to renewal too
    private IamClient? _iam;   // built at the first renewal, then kept: one IAM client per session
    private MrsHttpPipeline? _iamPipeline;   // the IAM client's, with its lease on the session's pooled client

    public PasswordTokenAuthenticator(PasswordSignIn signIn, Uri iamEndpoint, IamToken token, SessionOptions? options = null)
    {
        _options = options ?? new SessionOptions();
        _signIn = new PasswordSignIn(signIn.UserName, signIn.Password.Copy(), signIn.DomainName);
        _signIn.Password.MakeReadOnly();
        _iamEndpoint = iamEndpoint;
        _projectId = token.ProjectId;
        _token = new RenewableCredential<IamToken>(token, token.ExpiresAt, _options.Clock, RenewalMargin.PasswordToken);
    }

    public string Method => "Password";

    public DateTimeOffset? ExpiresAt => _token.ExpiresAt;

    public bool CanRenew => true;

    public int Generation => _token.Generation;

    /// <summary>Renew five minutes before expiry, or a tenth of the token's life before it for short-lived tokens.</summary>
    public bool ShouldRenew(DateTimeOffset now) => _token.IsDue(now);

    public Task RenewAsync(int seenGeneration, CallContext context, string userAgent) =>
        _token.RenewAsync(seenGeneration, () => SignInAgainAsync(context, userAgent), context.Cancellation);

    public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _token.Current.Token);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _signIn.Password.Dispose();
        _iamPipeline?.Dispose();
    }

    public override string ToString() => $"Password token authenticator for {_signIn.UserName}@{_signIn.DomainName}";

    // Runs under the renewal lock, only when no other request renewed meanwhile.
    private async Task<(IamToken Value, DateTimeOffset ExpiresAt)> SignInAgainAsync(CallContext context, string userAgent)
    {
        var trace = context.Trace;
        trace.Verbose($"Renewing the IAM token of {_signIn.UserName}@{_signIn.DomainName} (it expires {ExpiresAt:u}).");
        if (_iam is null)
        {
            _iamPipeline = new MrsHttpPipeline(null, userAgent, _options.Timeout, _options.Retry, _options.Clock, _options.Proxy);
            _iam = new IamClient(_iamPipeline);
        }

        var token = await _iam.RequestTokenAsync(_iamEndpoint, _signIn, _projectId, null, context).ConfigureAwait(false);
        trace.Verbose($"Renewed the IAM token; the new one expires {token.ExpiresAt:u}.");
        return (token, token.ExpiresAt);
    }
}
