using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Http;
using MrsJobs.Core.Errors;
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

    /// <summary>Calls the job API over <paramref name="session"/>, tracing to this command's verbose and debug streams.</summary>
    /// <exception cref="MrsApiException">The service refused, or could not be reached.</exception>
    private protected T CallApi<T>(MrsSession session, Func<MrsJobClient, CallContext, Task<T>> call) =>
        RunAsync(context => call(session.Jobs, context));

    /// <summary>As <see cref="CallApi{T}"/>, for calls that return nothing.</summary>
    /// <exception cref="MrsApiException">The service refused, or could not be reached.</exception>
    private protected void CallApi(MrsSession session, Func<MrsJobClient, CallContext, Task> call) =>
        RunAsync(context => call(session.Jobs, context));

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
