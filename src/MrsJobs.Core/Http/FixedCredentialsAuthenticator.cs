using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Http;

/// <summary>The base of authenticators whose credentials cannot be renewed: a token the user gave, an access key pair.</summary>
internal abstract class FixedCredentialsAuthenticator : IRequestAuthenticator
{
    /// <inheritdoc />
    public abstract string Method { get; }

    /// <inheritdoc />
    public virtual DateTimeOffset? ExpiresAt => null;

    /// <inheritdoc />
    public bool CanRenew => false;

    /// <inheritdoc />
    public int Generation => 0;

    /// <inheritdoc />
    public bool ShouldRenew(DateTimeOffset now) => false;

    /// <inheritdoc />
    public Task RenewAsync(int seenGeneration, CallContext context, string userAgent) =>
        throw new InvalidOperationException($"{Method} credentials cannot be renewed.");

    /// <inheritdoc />
    public abstract Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
