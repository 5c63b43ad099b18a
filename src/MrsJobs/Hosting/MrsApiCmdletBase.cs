using System.Management.Automation;
using MrsJobs.Core.Sessions;
using MrsJobs.Errors;
using MrsJobs.Session;

namespace MrsJobs.Hosting;

/// <summary>The base of cmdlets that call the MRS API: adds <c>-Session</c> and falls back to the runspace's default session.</summary>
public abstract class MrsApiCmdletBase : MrsCmdletBase
{
    /// <summary>
    /// <para type="description">The session to use (from Connect-MrsProject -PassThru). By default, the session that Connect-MrsProject stored for this runspace.</para>
    /// </summary>
    [Parameter]
    public MrsSession? Session { get; set; }

    /// <summary>The session to use, or <c>null</c> when there is none.</summary>
    protected MrsSession? FindSession() => Session ?? SessionStore.Current;

    /// <summary>The session to use; stops the command with <c>MrsNotConnected</c> when there is none.</summary>
    protected MrsSession RequireSession()
    {
        var session = FindSession();
        if (session is null)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }

        return session!;
    }
}
