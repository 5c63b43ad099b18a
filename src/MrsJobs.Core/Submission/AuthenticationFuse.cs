using System.Threading;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Submission;

/// <summary>
/// Remembers the first refusal of a command's credentials. Once blown, the command sends nothing more
/// (every further request must fail the same way, and AK/SK failures count towards a key lock-out) but
/// still reports each input it could not handle, so nothing is lost. Safe to share between threads.
/// </summary>
internal sealed class AuthenticationFuse
{
    private MrsApiException? _cause;

    /// <summary>The refusal that blew the fuse, or <c>null</c>.</summary>
    public MrsApiException? Cause => Volatile.Read(ref _cause);

    /// <summary><c>true</c> once credentials have been refused.</summary>
    public bool IsBlown => Cause is not null;

    /// <summary>Blows the fuse when <paramref name="error"/> is a refusal of the credentials.</summary>
    public void Observe(MrsApiException error)
    {
        if (error.Kind is MrsErrorKind.Authentication or MrsErrorKind.TokenExpired)
        {
            Interlocked.CompareExchange(ref _cause, error, null);
        }
    }
}
