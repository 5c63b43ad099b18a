using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth.Federation;

/// <summary>
/// Adds <c>X-Auth-Token</c> with the token IAM gave for an ID token, and exchanges the ID token again, read anew
/// from its file, before the token expires (<see cref="RenewableCredential{T}"/>) or when the gateway refuses it.
/// Holds the file's path and the identity provider's id, never the ID token itself. Owns the IAM client it renews
/// with: disposing it (when the session is forgotten) ends the client's lease on the pooled HTTP client.
/// </summary>
internal sealed class IdTokenAuthenticator : IRequestAuthenticator, IDisposable
{
    private readonly IamIdTokenClient _iam;
    private readonly Uri _iamEndpoint;
    private readonly string _tokenFile;
    private readonly string _projectId;
    private readonly RenewableCredential<IamToken> _token;

    /// <summary>Starts with the token the session was made with; renewals scope to its project.</summary>
    public IdTokenAuthenticator(IamIdTokenClient iam, Uri iamEndpoint, string tokenFile, IamToken first, TimeProvider clock)
    {
        _iam = iam ?? throw new ArgumentNullException(nameof(iam));
        _iamEndpoint = iamEndpoint;
        _tokenFile = tokenFile;
        _projectId = first.ProjectId;
        _token = new RenewableCredential<IamToken>(first, first.ExpiresAt, clock);
    }

    /// <inheritdoc />
    public string Method => "IdToken";

    /// <inheritdoc />
    public DateTimeOffset? ExpiresAt => _token.ExpiresAt;

    /// <inheritdoc />
    public bool CanRenew => true;

    /// <inheritdoc />
    public int Generation => _token.Generation;

    /// <inheritdoc />
    public bool ShouldRenew(DateTimeOffset now) => _token.IsDue(now);

    /// <inheritdoc />
    public Task RenewAsync(int seenGeneration, CallContext context, string userAgent) =>
        _token.RenewAsync(
            seenGeneration,
            async () =>
            {
                context.Trace.Verbose($"Exchanging the ID token in {_tokenFile} again (the current IAM token expires {ExpiresAt:u}).");
                var token = await _iam.ExchangeAsync(_iamEndpoint, IdTokenFile.Read(_tokenFile), _projectId, null, context).ConfigureAwait(false);
                context.Trace.Verbose($"Got a new IAM token; it expires {token.ExpiresAt:u}.");
                return (token, token.ExpiresAt);
            },
            context.Cancellation);

    /// <inheritdoc />
    public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _token.Current.Token);
        return Task.CompletedTask;
    }

    /// <summary>Disposes the IAM client, ending its lease on the pooled HTTP client.</summary>
    public void Dispose() => _iam.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"ID token authenticator ({_tokenFile}, project {_projectId})";
}
