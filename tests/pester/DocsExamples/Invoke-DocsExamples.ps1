<#
.SYNOPSIS
    Runs docs examples one after the other in this (fresh) pwsh, whose PSModulePath starts with the installed module:
    for each, the emulator gets the docs' world anew, a new runspace runs Prelude.ps1 and then the example, and the
    environment variables are put back. Writes one result per example to ResultPath (JSON).
.DESCRIPTION
    A script example runs as one script; a transcript runs command by command, as typed at the prompt, so a
    terminating error ends only its command and is an error the console shows. Each result has Id, Errors (Command,
    ErrorId, Message, Terminating), Threw (a script's terminating error, or a prelude or time-out failure) and Seconds.
#>
param(
    [Parameter(Mandatory)] [string] $ExamplesPath,
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [Parameter(Mandatory)] [string] $WorkRoot,
    [Parameter(Mandatory)] [string] $ResultPath,
    [int] $CommandTimeoutSec = 60
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'DocsWorld.psm1') -Force
$prelude = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'Prelude.ps1') -Raw

function Invoke-InRunspace {
    <# Runs one script in the shell's runspace; returns its errors, and the terminating one (or a time-out) apart. #>
    param([Parameter(Mandatory)] [powershell] $Shell, [Parameter(Mandatory)] [string] $Script, [object[]] $ArgumentList = @())
    $Shell.Commands.Clear()
    $Shell.Streams.ClearStreams()
    $null = $Shell.AddScript($Script)
    foreach ($argument in $ArgumentList) { $null = $Shell.AddArgument($argument) }
    $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $noInput.Complete()
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $terminating = $null
    $handle = $Shell.BeginInvoke($noInput, $output)
    if (-not $handle.AsyncWaitHandle.WaitOne($CommandTimeoutSec * 1000)) {
        $Shell.Stop()
        $terminating = "did not end within $CommandTimeoutSec s"
    }
    else {
        try { $Shell.EndInvoke($handle) } catch { $terminating = $_.Exception.InnerException ?? $_.Exception }
    }
    $errors = @($Shell.Streams.Error | Where-Object { $null -ne $_ } | ForEach-Object {
            [pscustomobject]@{ Command = "$($_.InvocationInfo.MyCommand.Name)"; ErrorId = $_.FullyQualifiedErrorId; Message = "$_"; Terminating = $false }
        })
    [pscustomobject]@{ Errors = $errors; Terminating = $terminating }
}

function Restore-Environment([System.Collections.IDictionary] $Saved) {
    foreach ($name in @([Environment]::GetEnvironmentVariables().Keys)) {
        if (-not $Saved.Contains($name)) { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    foreach ($name in $Saved.Keys) {
        if ([Environment]::GetEnvironmentVariable($name) -cne $Saved[$name]) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
    }
}

$examples = @(Get-Content -LiteralPath $ExamplesPath -Raw | ConvertFrom-Json)
$results = [System.Collections.Generic.List[object]]::new()
$number = 0
foreach ($example in $examples) {
    $number++
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $savedEnvironment = [Environment]::GetEnvironmentVariables()
    $errors = [System.Collections.Generic.List[object]]::new()
    $threw = $null
    $runspace = [runspacefactory]::CreateRunspace()
    $shell = [powershell]::Create()
    try {
        $world = Initialize-DocsWorld -Url $EmulatorUrl -WorkPath (Join-Path $WorkRoot "example-$number")
        $runspace.Open()
        $shell.Runspace = $runspace
        $setup = Invoke-InRunspace -Shell $shell -Script $prelude -ArgumentList @($world)
        if ($setup.Terminating -or $setup.Errors.Count) {
            $threw = "The prelude failed: $($setup.Terminating) $($setup.Errors.Message -join '; ')"
        }
        else {
            foreach ($command in $example.Commands) {
                $run = Invoke-InRunspace -Shell $shell -Script $command
                foreach ($written in @($run.Errors)) { $errors.Add($written) }
                if ($run.Terminating -is [string]) { $threw = "'$command' $($run.Terminating)"; break }
                if ($run.Terminating) {
                    $record = if ($run.Terminating -is [System.Management.Automation.IContainsErrorRecord]) { $run.Terminating.ErrorRecord }
                    if ($example.IsTranscript -and $record) {
                        $errors.Add([pscustomobject]@{ Command = "$($record.InvocationInfo.MyCommand.Name)"; ErrorId = $record.FullyQualifiedErrorId; Message = "$record"; Terminating = $true })
                    }
                    else { $threw = "$($run.Terminating.GetType().Name): $($run.Terminating.Message)"; break }
                }
            }
        }
    }
    catch {
        $threw = "The example could not be run: $_"
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
        Restore-Environment $savedEnvironment
    }
    $results.Add([pscustomobject]@{ Id = $example.Id; Errors = $errors.ToArray(); Threw = $threw; Seconds = [math]::Round($watch.Elapsed.TotalSeconds, 1) })
}
ConvertTo-Json -InputObject $results.ToArray() -Depth 5 | Set-Content -LiteralPath $ResultPath -Encoding utf8
