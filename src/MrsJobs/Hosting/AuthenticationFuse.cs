using MrsJobs.Core.Errors;

namespace MrsJobs.Hosting;

/// <summary>
/// Remembers the first refusal of a command's credentials. Once blown, the command sends nothing more
/// (every further request must fail the same way, and AK/SK failures count towards a key lock-out) but
/// still reports each input it could not handle, so nothing is lost.
/// </summary>
internal sealed class AuthenticationFuse
{
    /// <summary>The refusal that blew the fuse, or <c>null</c>.</summary>
    public MrsApiException? Cause { get; private set; }

    /// <summary><c>true</c> once credentials have been refused.</summary>
    public bool IsBlown => Cause is not null;

    /// <summary>Blows the fuse when <paramref name="error"/> is a refusal of the credentials.</summary>
    public void Observe(MrsApiException error)
    {
        if (Cause is null && error.Kind is MrsErrorKind.Authentication or MrsErrorKind.TokenExpired)
        {
            Cause = error;
        }
    }
}
