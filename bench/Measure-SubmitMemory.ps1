<#
.SYNOPSIS
    One memory run for Submit-Bench.ps1, meant for a fresh `pwsh -NoProfile` process:
    Import-Csv | New-MrsJobExecution -ThrottleLimit n | ForEach-Object { count }.
.DESCRIPTION
    Prints one JSON line: rows submitted, seconds, the process peak working set (Process.PeakWorkingSet64,
    the kernel's high-water mark, read at the end), the managed heap sampled every 500 results, the heap
    after a full collection at the end, and the working set before the pipeline started.
    Without -ThrottleLimit on the cmdlet yet, the run is sequential and says so.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $CsvPath,
    [int] $ThrottleLimit = 64
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'MrsJobs.psd1')
$credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))
Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $Url -IamEndpoint $Url

$parameters = @{ ErrorAction = 'SilentlyContinue' }
$throttle = (Get-Command New-MrsJobExecution).Parameters.ContainsKey('ThrottleLimit')
if ($throttle) { $parameters.ThrottleLimit = $ThrottleLimit }

$process = [System.Diagnostics.Process]::GetCurrentProcess()
[System.GC]::Collect()
$process.Refresh()
$workingSetBefore = $process.WorkingSet64
$heapPeak = [System.GC]::GetTotalMemory($false)
$submitted = 0
$clock = [System.Diagnostics.Stopwatch]::StartNew()
Import-Csv $CsvPath | New-MrsJobExecution @parameters | ForEach-Object {
    if ($_.JobId) { $submitted++ }
    if ($submitted % 500 -eq 0) { $heapPeak = [Math]::Max($heapPeak, [System.GC]::GetTotalMemory($false)) }
}
$clock.Stop()
$heapPeak = [Math]::Max($heapPeak, [System.GC]::GetTotalMemory($false))
$process.Refresh()
$peakWorkingSet = $process.PeakWorkingSet64
[pscustomobject]@{
    submitted          = $submitted
    seconds            = $clock.Elapsed.TotalSeconds
    throttle_limit     = if ($throttle) { $ThrottleLimit } else { $null }
    working_set_before = $workingSetBefore
    peak_working_set   = $peakWorkingSet
    peak_heap          = $heapPeak
    heap_after_gc      = [System.GC]::GetTotalMemory($true)
} | ConvertTo-Json -Compress
