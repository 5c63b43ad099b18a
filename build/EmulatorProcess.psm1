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

function Get-MrsEmulatorReadRound {
    <#
    The job reads the emulator received (GET …/job-executions…: list pages and shows), oldest first, cut into the
    rounds of Wait-MrsJobExecution: a round reads each page of a cluster's list and shows each job at most once, so
    a page (by cluster and offset) or a show seen before in the current round starts the next. One list per round.
    #>
    param([Parameter(Mandatory)] [string] $Url)
    $reads = @(Invoke-MrsEmulatorControl -Url $Url -Method Get -Path 'requests' |
            Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions*' } | Sort-Object received_at)
    $rounds = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $keys = $null
    foreach ($read in $reads) {
        $key = if ($read.path -like '*/job-executions') { "$($read.path) $(@($read.query -split '&' | Where-Object { $_ -like 'offset=*' }))" } else { $read.path }
        if ($null -eq $current -or $keys.Contains($key)) {
            $current = [System.Collections.Generic.List[object]]::new()
            $keys = [System.Collections.Generic.HashSet[string]]::new()
            $rounds.Add($current)
        }
        $current.Add($read)
        $null = $keys.Add($key)
    }
    , $rounds
}

Export-ModuleMember -Function Start-MrsEmulator, Stop-MrsEmulator, Invoke-MrsEmulatorControl, Get-MrsEmulatorReadRound
