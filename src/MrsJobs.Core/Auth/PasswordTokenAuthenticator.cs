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
    private static readonly TimeSpan LongestMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly PasswordSignIn _signIn;
    private readonly Uri _iamEndpoint;
    private readonly string _projectId;
    private readonly Func<DateTimeOffset> _clock;
    private Issued _current;
    private readonly SessionOptions _options;   // the session's timeout, retries and clock apply to renewal too
    private IamClient? _iam;   // built at the first renewal, then kept: one IAM client per session
    private MrsHttpPipeline? _iamPipeline;   // the IAM client's, with its lease on the session's pooled client
    private int _generation;

    public PasswordTokenAuthenticator(PasswordSignIn signIn, Uri iamEndpoint, IamToken token, SessionOptions? options = null)
    {
        _options = options ?? new SessionOptions();
        var clock = _options.Clock;
        _signIn = new PasswordSignIn(signIn.UserName, signIn.Password.Copy(), signIn.DomainName);
        _signIn.Password.MakeReadOnly();
        _iamEndpoint = iamEndpoint;
        _projectId = token.ProjectId;
        _clock = clock.GetUtcNow;
        _current = new Issued(token, _clock());
    }

    public string Method => "Password";

    public DateTimeOffset? ExpiresAt => Volatile.Read(ref _current).Token.ExpiresAt;

    public bool CanRenew => true;

    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Renew five minutes before expiry, or a tenth of the token's life before it for short-lived tokens.</summary>
    public bool ShouldRenew(DateTimeOffset now)
    {
        var current = Volatile.Read(ref _current);
        var life = current.Token.ExpiresAt - current.IssuedAt;
        var margin = TimeSpan.FromTicks(Math.Min(LongestMargin.Ticks, Math.Max(0, life.Ticks / 10)));
        return now >= current.Token.ExpiresAt - margin;
    }

    public async Task RenewAsync(int seenGeneration, CallContext context, string userAgent)
    {
        var trace = context.Trace;
        await _renewing.WaitAsync(context.Cancellation).ConfigureAwait(false);
        try
        {
            if (Generation != seenGeneration)
            {
                return;   // another request renewed it meanwhile
            }

            trace.Verbose($"Renewing the IAM token of {_signIn.UserName}@{_signIn.DomainName} (it expires {ExpiresAt:u}).");
            if (_iam is null)
            {
                _iamPipeline = new MrsHttpPipeline(null, userAgent, _options.Timeout, _options.Retry, _options.Clock, _options.Proxy);
                _iam = new IamClient(_iamPipeline);
            }

            var token = await _iam.RequestTokenAsync(_iamEndpoint, _signIn, _projectId, null, context).ConfigureAwait(false);
            Volatile.Write(ref _current, new Issued(token, _clock()));
            Interlocked.Increment(ref _generation);
            trace.Verbose($"Renewed the IAM token; the new one expires {token.ExpiresAt:u}.");
        }
        finally
        {
            _renewing.Release();
        }
    }

    public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", Volatile.Read(ref _current).Token.Token);
        return Task.CompletedTask;
    }

    // The semaphore holds nothing to free and may still be awaited by a request of another runspace, so it stays.
    public void Dispose()
    {
        _signIn.Password.Dispose();
        _iamPipeline?.Dispose();
    }

    // The token and when it was received, swapped as one so that readers on other threads never see a mix.
    private sealed class Issued
    {
        public Issued(IamToken token, DateTimeOffset issuedAt)
        {
            Token = token;
            IssuedAt = issuedAt;
        }

        public IamToken Token { get; }

        public DateTimeOffset IssuedAt { get; }
    }

    public override string ToString() => $"Password token authenticator for {_signIn.UserName}@{_signIn.DomainName}";
}
