# Starts and stops the local MRS emulator as a child process, for the tests, the demo and the benchmark.
Set-StrictMode -Version 3.0

function Start-MrsEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port and returns an object with Url and Process.
        Its standard input stays open as a pipe: closing it (Stop-MrsEmulator, or this process dying) stops the emulator.
    #>
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string[]] $ExtraArguments = @()
    )
    if (-not (Test-Path $EmulatorPath)) { throw "The emulator is not built: $EmulatorPath. Run ./build.ps1 Build." }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($EmulatorPath)
    $start.ArgumentList.Add('--urls')
    $start.ArgumentList.Add('http://127.0.0.1:0')
    foreach ($argument in $ExtraArguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds(30)) -or $null -eq $firstLine.Result) {
        $errorText = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        try { $process.Kill() } catch { }
        throw "The emulator did not start: $errorText"
    }
    if ($firstLine.Result -notmatch '^MRS emulator listening on (?<url>http://\S+)$') {
        try { $process.Kill() } catch { }
        throw "Unexpected first line from the emulator: $($firstLine.Result)"
    }
    # Keep reading its output so that it never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{
        Url     = $Matches.url.TrimEnd('/')
        Process = $process
    }
}

function Stop-MrsEmulator {
    <# Stops an emulator started by Start-MrsEmulator: closes its stdin, then kills it if it lingers. #>
    param([Parameter(Mandatory)] $Emulator)
    $process = $Emulator.Process
    if ($process.HasExited) { return }
    try { $process.StandardInput.Close() } catch { }
    if (-not $process.WaitForExit(5000)) {
        try { $process.Kill($true) } catch { }
    }
}

function Invoke-MrsEmulatorControl {
    <# Calls the emulator's control API (/_emulator/...). #>
    param(
        [Parameter(Mandatory)] [string] $Url,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        $Body
    )
    $parameters = @{ Uri = "$Url/_emulator/$Path"; Method = $Method; ContentType = 'application/json' }
    if ($PSBoundParameters.ContainsKey('Body')) { $parameters.Body = ($Body | ConvertTo-Json -Depth 10 -Compress) }
    # Through a variable, so that a JSON array comes out as its items, not as one array object.
    $result = Invoke-RestMethod @parameters
    $result
}

Export-ModuleMember -Function Start-MrsEmulator, Stop-MrsEmulator, Invoke-MrsEmulatorControl
