using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>
/// Signs every request (SDK-HMAC-SHA256, with <c>X-Security-Token</c>) with the VM agency's temporary keys, and
/// asks the metadata service for keys again before they expire (<see cref="RenewableCredential{T}"/>) or when the
/// gateway refuses a signature. Requests of any thread sign with the current keys; renewals are serialized. The
/// keys a renewal replaces stay usable for requests already signing with them and are cleared one renewal later.
/// </summary>
internal sealed class MetadataKeyAuthenticator : IRequestAuthenticator, IDisposable
{
    private readonly MetadataServiceClient _service;
    private readonly string _projectId;
    private readonly RenewableCredential<KeySigner> _keys;
    private AkSkCredentials? _retired;
    private int _disposed;

    /// <summary>Starts with the keys the session was made with.</summary>
    public MetadataKeyAuthenticator(MetadataServiceClient service, TemporaryKeys first, string projectId, TimeProvider clock)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _projectId = projectId;
        _keys = new RenewableCredential<KeySigner>(new KeySigner(first.Keys, projectId), first.ExpiresAt, clock);
    }

    /// <inheritdoc />
    public string Method => "Metadata";

    /// <inheritdoc />
    public DateTimeOffset? ExpiresAt => _keys.ExpiresAt;

    /// <inheritdoc />
    public bool CanRenew => true;

    /// <inheritdoc />
    public int Generation => _keys.Generation;

    /// <inheritdoc />
    public bool ShouldRenew(DateTimeOffset now) => _keys.IsDue(now);

    /// <inheritdoc />
    public Task RenewAsync(int seenGeneration, CallContext context, string userAgent)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(MetadataKeyAuthenticator));
        }

        return _keys.RenewAsync(
            seenGeneration,
            async () =>
            {
                context.Trace.Verbose($"Asking the instance metadata service for new temporary keys (the current ones expire {ExpiresAt:u}).");
                var fetched = await _service.GetSecurityKeyAsync(context).ConfigureAwait(false);
                context.Trace.Verbose($"Got new temporary keys; they expire {fetched.ExpiresAt:u}.");
                return (new KeySigner(fetched.Keys, _projectId), fetched.ExpiresAt);
            },
            context.Cancellation,
            replaced => Interlocked.Exchange(ref _retired, replaced.Keys)?.Dispose());
    }

    /// <inheritdoc />
    public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _keys.Current.Signer.AuthenticateAsync(request, cancellationToken);

    /// <summary>Clears the keys; the session cannot sign or renew afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _keys.Current.Keys.Dispose();
            Interlocked.Exchange(ref _retired, null)?.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Metadata key authenticator ({_service.Display}, project {_projectId})";

    // A key pair and its signer. The X-Sdk-Date of a signature is the real time, whatever clock decides expiry.
    private sealed class KeySigner
    {
        public KeySigner(AkSkCredentials keys, string projectId)
        {
            Keys = keys;
            Signer = new AkSkAuthenticator(keys, projectId);
        }

        public AkSkCredentials Keys { get; }

        public AkSkAuthenticator Signer { get; }
    }
}
