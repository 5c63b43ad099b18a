using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Http;

/// <summary>
/// Adds credentials to a request just before it is sent: the <c>X-Auth-Token</c> header today,
/// an AK/SK signature or a refreshed token later. The one place where authentication plugs in.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>A word for traces and the session display (<c>Token</c>, <c>Password</c>, …); never a secret.</summary>
    string Method { get; }

    /// <summary>Adds the credentials to <paramref name="request"/>.</summary>
    Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
