using System.Management.Automation;
using MrsJobs.Core.Sessions;
using MrsJobs.Hosting;
using MrsJobs.Session;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Gets the MRS session of this runspace: region, project, how it authenticates, when its credentials expire, endpoints.</para>
/// <para type="description">Writes nothing when there is no session. The session never shows a token, password or key.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MrsSession", HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Get-MrsSession.md")]
[OutputType(typeof(MrsSession))]
public sealed class GetMrsSessionCommand : MrsCmdletBase
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (SessionStore.Current is { } session)
        {
            WriteObject(session);
        }
        else
        {
            WriteVerboseLine("There is no MRS session in this runspace: run Connect-MrsProject.");
        }
    }
}
