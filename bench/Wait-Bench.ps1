<#
.SYNOPSIS
    Measures what Wait-MrsJobExecution costs the service: requests per job per minute, for batches of jobs.
.DESCRIPTION
    Submits batches of jobs that run for a set time on the local emulator, waits for them with a given
    -PollingInterval, and counts the reads the emulator received. Each job is read at most once per
    interval and one request at a time: at most 1 + WaitSeconds/PollingInterval reads per job (the
    first round starts at once), i.e. 60/PollingInterval a minute in the long run, and fewer when a
    round over many jobs takes longer than the interval.
    A measurement, not a test: nothing here passes or fails.
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int[]] $Jobs = @(10, 100, 300),
    [double] $PollingInterval = 2,
    [int] $RunSeconds = 12,
    # Quick: batches of 10 and 100 jobs running 6 s, unless -Jobs or -RunSeconds are given; Full: the defaults above.
    [ValidateSet('Quick', 'Full')] [string] $BenchSize = 'Full'
)
$ErrorActionPreference = 'Stop'
if ($BenchSize -eq 'Quick') {
    if (-not $PSBoundParameters.ContainsKey('Jobs')) { $Jobs = 10, 100 }
    if (-not $PSBoundParameters.ContainsKey('RunSeconds')) { $RunSeconds = 6 }
}
Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $ModulePath 'MrsJobs.psd1') -Force

$emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
try {
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))
    $cluster = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
    $report = foreach ($count in $Jobs) {
        $null = Invoke-MrsEmulatorControl -Url $emulator.Url -Method Post -Path 'reset'
        $null = Invoke-MrsEmulatorControl -Url $emulator.Url -Method Post -Path 'job-plans' -Body @{
            job_name = 'bench-*'; new_ms = 0; accepted_ms = 0; running_ms = $RunSeconds * 1000
        }
        Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $emulator.Url -IamEndpoint $emulator.Url
        $submitted = 1..$count | ForEach-Object { [pscustomobject]@{ ClusterId = $cluster; JobName = "bench-$_"; JobType = 'MapReduce' } } |
            New-MrsJobExecution
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $ended = @($submitted | Wait-MrsJobExecution -PollingInterval $PollingInterval -ProgressAction SilentlyContinue)
        $clock.Stop()
        $reads = @(Invoke-MrsEmulatorControl -Url $emulator.Url -Method Get -Path 'requests' |
                Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions/*' }).Count
        $minutes = $clock.Elapsed.TotalMinutes
        [pscustomobject]@{
            Jobs                 = $count
            Ended                = $ended.Count
            WaitSeconds          = [Math]::Round($clock.Elapsed.TotalSeconds, 1)
            Reads                = $reads
            ReadsPerJob          = [Math]::Round($reads / $count, 1)
            BoundPerJob          = [Math]::Floor(1 + $clock.Elapsed.TotalSeconds / $PollingInterval)
            PerJobPerMinute      = [Math]::Round(($reads / $count - 1) / $minutes, 1)
            RequestsPerSecond    = [Math]::Round($reads / $clock.Elapsed.TotalSeconds, 1)
        }
    }
    $report | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    Write-Host "Jobs ran $RunSeconds s each; -PollingInterval $PollingInterval s, so at most $(60 / $PollingInterval) reads per job per minute after the first. Machine: $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion)"
}
finally {
    Stop-MrsEmulator $emulator
}
