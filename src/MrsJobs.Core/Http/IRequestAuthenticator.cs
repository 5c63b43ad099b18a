using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Http;

/// <summary>
/// Adds credentials to a request just before it is sent (an <c>X-Auth-Token</c> header or an AK/SK
/// signature), and renews them when they can be renewed. The one place where authentication plugs in.
/// </summary>
internal interface IRequestAuthenticator
{
    /// <summary>A word for traces and the session display (<c>Token</c>, <c>Password</c>, …); never a secret.</summary>
    string Method { get; }

    /// <summary>When the credentials expire; <c>null</c> when unknown or never.</summary>
    DateTimeOffset? ExpiresAt { get; }

    /// <summary><c>true</c> when <see cref="RenewAsync"/> can get new credentials (a password session can; a bare token cannot).</summary>
    bool CanRenew { get; }

    /// <summary>Counts renewals: a request authenticated at one generation knows whether credentials were renewed since.</summary>
    int Generation { get; }

    /// <summary><c>true</c> when the credentials should be renewed before the next request (close to expiry).</summary>
    bool ShouldRenew(DateTimeOffset now);

    /// <summary>
    /// Gets new credentials, unless they were already renewed since <paramref name="seenGeneration"/> (by
    /// another request). Calls are serialized. Traces go to the <paramref name="context"/>.
    /// </summary>
    Task RenewAsync(int seenGeneration, CallContext context, string userAgent);

    /// <summary>Adds the credentials to <paramref name="request"/>.</summary>
    Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
