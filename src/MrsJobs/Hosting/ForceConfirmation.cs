using System.Management.Automation;
using System.Management.Automation.Host;
using MrsJobs.Errors;

namespace MrsJobs.Hosting;

/// <summary>
/// ShouldProcess with <c>-Force</c>, as PowerShell users expect of a high-impact command: <c>-Force</c>
/// skips the confirmation prompt, but <c>-WhatIf</c> still only describes, and an explicit
/// <c>-Confirm</c> still asks. A host that cannot ask (<c>pwsh -NonInteractive</c>, a runbook) gets the
/// module's <c>MrsConfirmationUnavailable</c>, which says how not to be asked, instead of the host's bare refusal.
/// </summary>
internal static class ForceConfirmation
{
    public static bool ShouldProcess(PSCmdlet cmdlet, bool force, string target, string action)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        var confirmAsked = bound.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter { IsPresent: true };
        var whatIf = (bound.TryGetValue("WhatIf", out var what) && what is SwitchParameter { IsPresent: true })
            || cmdlet.GetVariableValue("WhatIfPreference") is true or SwitchParameter { IsPresent: true };
        if (force && !confirmAsked && !whatIf)
        {
            return true;
        }

        try
        {
            return cmdlet.ShouldProcess(target, action);
        }
        catch (PSInvalidOperationException ex)
        {
            // The console host in -NonInteractive mode ("Read and Prompt functionality is not available").
            cmdlet.ThrowTerminatingError(ErrorRecords.ConfirmationUnavailable(cmdlet.MyInvocation.MyCommand.Name, target, action, ex));
            throw;
        }
        catch (HostException ex)
        {
            // A host without a user interface (a runbook, a runspace of a service).
            cmdlet.ThrowTerminatingError(ErrorRecords.ConfirmationUnavailable(cmdlet.MyInvocation.MyCommand.Name, target, action, ex));
            throw;
        }
    }
}
