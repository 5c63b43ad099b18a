# Test hosts: script blocks in new runspaces of this process, scripts in new pwsh processes, and waiting for a
# condition. Imported by TestSupport.psm1, which exports these functions with its own.
Set-StrictMode -Version 3.0

function Invoke-InNewRunspace {
    <#
    .SYNOPSIS
        Runs a script block in a new runspace of this process (its own thread, its own module state), with
        the module under test and this support module imported there. Returns Output, Errors, Progress and Caught
        (the terminating error, if any, as an ErrorRecord).
    #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock, [object[]] $ArgumentList = @())
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    try {
        $support = Join-Path $PSScriptRoot 'TestSupport.psm1'
        $null = $shell.AddScript({
                param($SupportPath, $Body, $Arguments)
                Import-Module $SupportPath -Force
                Import-ModuleUnderTest
                $caught = $null
                $output = try { & ([scriptblock]::Create($Body)) @Arguments } catch { $caught = $_ }
                [pscustomobject]@{ Output = @($output); Caught = $caught }
            }.ToString()).AddArgument($support).AddArgument($ScriptBlock.ToString()).AddArgument($ArgumentList)
        $result = $shell.Invoke() | Select-Object -Last 1
        [pscustomobject]@{
            Output = @($result.Output)
            Caught = $result.Caught
            Errors   = @($shell.Streams.Error)
            Progress = @($shell.Streams.Progress)
        }
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
}

function Start-BackgroundCommand {
    <#
    Starts a script block in a new runspace of this process with this support module and the module under test
    imported and the demo user connected; returns Shell (the PowerShell instance, for Stop()), Handle, Output
    (a PSDataCollection filled as the command writes) and Runspace. End it with Stop-BackgroundCommand.
    #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock, [object[]] $ArgumentList = @())
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    $null = $shell.AddScript({
            param($SupportPath, $Body, $Arguments)
            Import-Module $SupportPath -Force
            Import-ModuleUnderTest
            Connect-TestProject
            & ([scriptblock]::Create($Body)) @Arguments
        }.ToString()).AddArgument((Join-Path $PSScriptRoot 'TestSupport.psm1')).AddArgument($ScriptBlock.ToString()).AddArgument($ArgumentList)
    $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $noInput.Complete()
    $handle = $shell.BeginInvoke($noInput, $output)
    [pscustomobject]@{ Shell = $shell; Handle = $handle; Output = $output; Runspace = $runspace }
}

function Stop-BackgroundCommand {
    <# Stops (if still running) and disposes a command started by Start-BackgroundCommand. #>
    param([Parameter(Mandatory)] $Command)
    try { if (-not $Command.Handle.IsCompleted) { $Command.Shell.Stop() } } catch { }
    $Command.Shell.Dispose()
    $Command.Runspace.Dispose()
}

function Start-TestProcess {
    <#
    Starts a script file in a new pwsh process (-NoProfile -NonInteractive), the same pwsh as this one (pwsh, or
    'dotnet pwsh.dll'); returns Process, and StandardOutput and StandardError (tasks that end with the text).
    Environment sets variables of the child only (a null value removes one).
    #>
    param([Parameter(Mandatory)] [string] $ScriptPath, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
    $self = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ($self -match '(^|[\\/])pwsh(\.exe)?$') {
        $start = [System.Diagnostics.ProcessStartInfo]::new($self)
    }
    else {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $start.ArgumentList.Add([System.Reflection.Assembly]::GetEntryAssembly().Location)
    }
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $ScriptPath) + $ArgumentList) { $start.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $start.Environment.Remove($name) } else { $start.Environment[$name] = $Environment[$name] }
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    # Both pipes are drained at once, so the child never blocks on a full pipe.
    [pscustomobject]@{ Process = $process; StandardOutput = $process.StandardOutput.ReadToEndAsync(); StandardError = $process.StandardError.ReadToEndAsync() }
}

function Wait-TestCondition {
    <# Polls the condition every 50 ms until it is true; throws, naming what was awaited, when TimeoutSec passes first. #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [double] $TimeoutSec = 30, [string] $Because = 'the condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting for $Because." }
        Start-Sleep -Milliseconds 50
    }
}

function Get-ClosedLoopbackPort {
    <# A loopback TCP port that nothing listens on (bound, then released). #>
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Get-TerminatingError {
    <# Runs the script block and returns the terminating error it raised; fails when it raised none. #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    try { $null = & $ScriptBlock } catch { return $_ }
    throw 'Expected a terminating error, but the command completed.'
}

Export-ModuleMember -Function Invoke-InNewRunspace, Start-BackgroundCommand, Stop-BackgroundCommand, Start-TestProcess, Wait-TestCondition, Get-ClosedLoopbackPort, Get-TerminatingError
