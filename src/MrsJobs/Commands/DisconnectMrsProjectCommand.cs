using System.Management.Automation;
using MrsJobs.Core.Sessions;
using MrsJobs.Hosting;
using MrsJobs.Session;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Forgets the MRS session of this runspace, and the secrets it kept to authenticate.</para>
/// <para type="description">The session's password copy or secret key is dropped from memory, so the session (and any variable that still holds it) can no longer be used. A token already issued stays valid at IAM until it expires.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "MrsProject", HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Disconnect-MrsProject.md")]
public sealed class DisconnectMrsProjectCommand : MrsCmdletBase
{
    /// <summary>
    /// <para type="description">The session to forget (from Connect-MrsProject -PassThru). By default, this runspace's session.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public MrsSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var current = SessionStore.Current;
        var session = Session ?? current;
        if (session is null)
        {
            WriteVerboseLine("There is no MRS session to forget.");
            return;
        }

        if (ReferenceEquals(session, current))
        {
            SessionStore.SetCurrent(null);
        }

        session.Forget();
        WriteVerboseLine($"Forgot {session}.");
    }
}
