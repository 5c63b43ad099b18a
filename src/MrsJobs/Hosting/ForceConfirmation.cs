using System.Management.Automation;

namespace MrsJobs.Hosting;

/// <summary>
/// ShouldProcess with <c>-Force</c>, as PowerShell users expect of a high-impact command: <c>-Force</c>
/// skips the confirmation prompt, but <c>-WhatIf</c> still only describes, and an explicit
/// <c>-Confirm</c> still asks.
/// </summary>
internal static class ForceConfirmation
{
    public static bool ShouldProcess(PSCmdlet cmdlet, bool force, string target, string action)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        var confirmAsked = bound.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter { IsPresent: true };
        var whatIf = (bound.TryGetValue("WhatIf", out var what) && what is SwitchParameter { IsPresent: true })
            || cmdlet.GetVariableValue("WhatIfPreference") is true or SwitchParameter { IsPresent: true };
        return force && !confirmAsked && !whatIf || cmdlet.ShouldProcess(target, action);
    }
}
