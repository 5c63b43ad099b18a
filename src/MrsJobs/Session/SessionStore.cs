using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Session;

/// <summary>
/// The default session of each runspace. Keyed by the runspace itself, so two runspaces
/// (ForEach-Object -Parallel, thread jobs, a host's pool) never share a session by accident, and a
/// closed runspace's session goes with it.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new();

    /// <summary>The current runspace's session, or <c>null</c>.</summary>
    public static MrsSession? Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace is not null && Sessions.TryGetValue(runspace, out var holder) ? holder.Session : null;
        }
    }

    /// <summary>Makes <paramref name="session"/> the current runspace's default (or forgets it with <c>null</c>).</summary>
    public static void SetCurrent(MrsSession? session)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null)
        {
            return;
        }

        Sessions.GetValue(runspace, _ => new Holder()).Session = session;
    }

    private sealed class Holder
    {
        public MrsSession? Session { get; set; }
    }
}
