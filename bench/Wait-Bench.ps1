<#
.SYNOPSIS
    Measures what Wait-MrsJobExecution costs the service and how late it notices each job's end.
.DESCRIPTION
    For each size, stores that many jobs on one cluster of the local emulator (POST /_emulator/jobs), timed by a
    job plan so that they end one after the other over 10 polling intervals, starting 2 s after they were stored.
    Then waits for them with Wait-MrsJobExecution and measures, from the emulator's request log (received_at),
    the reads per round (list pages and shows), and, from the output, how late each end was noticed: the time the
    job came out of Wait-MrsJobExecution minus the FinishedAt the service reported (one clock: the emulator runs
    on this machine). Writes the table to bench/results-wait.md.
    A measurement, not a test: nothing here passes or fails; the targets are reported as PASS or MISS.
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -BenchSize Full
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    # Quick: 10, 100 and 1,000 jobs at -PollingInterval 2 (about 2 minutes); Full: also 5,000 jobs at 2 and at 10 s.
    [ValidateSet('Quick', 'Full')] [string] $BenchSize = 'Full',
    [string] $ResultPath = (Join-Path $PSScriptRoot 'results-wait.md')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
Import-Module (Join-Path $ModulePath 'MrsJobs.psd1') -Force

$LeadSeconds = 2
$runs = @(
    @{ Jobs = 10; Interval = 2 }, @{ Jobs = 100; Interval = 2 }, @{ Jobs = 1000; Interval = 2 }
)
if ($BenchSize -eq 'Full') { $runs += @{ Jobs = 5000; Interval = 2 }, @{ Jobs = 5000; Interval = 10 } }

function Get-Percentile([double[]] $Values, [double] $Share) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][Math]::Min($sorted.Count - 1, [Math]::Ceiling($Share * $sorted.Count) - 1)]
}

function Measure-Wait([int] $Jobs, [double] $Interval, $Url) {
    $cluster = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
    $spread = 10 * $Interval
    $null = Invoke-MrsEmulatorControl -Url $Url -Method Post -Path 'reset'
    $null = Invoke-MrsEmulatorControl -Url $Url -Method Post -Path 'job-plans' -Body @{
        job_name = 'bench-*'; new_ms = 0; accepted_ms = 0; running_ms = ($LeadSeconds + $spread) * 1000
    }
    # Job i is stored (i-1)*gap after the first, the last now: the first ends LeadSeconds from now, the last spread later.
    $gap = [int][Math]::Floor($spread * 1000 / [Math]::Max(1, $Jobs - 1))
    $ids = (Invoke-MrsEmulatorControl -Url $Url -Method Post -Path 'jobs' -Body @{ count = $Jobs; job_name = 'bench-{n}'; cluster_id = $cluster; interval_ms = $gap }).job_ids
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))
    Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $Url -IamEndpoint $Url
    $wanted = $ids | ForEach-Object { [pscustomobject]@{ JobId = $_; ClusterId = $cluster } }

    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $seen = @($wanted | Wait-MrsJobExecution -PollingInterval $Interval -Timeout 600 -ProgressAction SilentlyContinue |
            ForEach-Object { ([DateTimeOffset]::UtcNow - $_.FinishedAt).TotalSeconds })
    $seconds = $clock.Elapsed.TotalSeconds

    $rounds = Get-MrsEmulatorReadRound -Url $Url
    $reads = @($rounds | ForEach-Object { $_ })
    $perRound = @($rounds | ForEach-Object { $_.Count })
    $late = [double[]]$seen
    $maxLate = ($late | Measure-Object -Maximum).Maximum
    [pscustomobject]@{
        'Jobs'                 = $Jobs
        'Interval (s)'         = [int]$Interval
        'Ended'                = $seen.Count
        'Rounds'               = $rounds.Count
        'Reads'                = $reads.Count
        'Shows'                = @($reads | Where-Object { $_.path -like '*/job-executions/*' }).Count
        'Reads/round (max)'    = [int]($perRound | Measure-Object -Maximum).Maximum
        'Reads/round (mean)'   = Format-BenchNumber (($perRound | Measure-Object -Average).Average) 1
        'Late p50 (s)'         = Format-BenchNumber (Get-Percentile $late 0.5) 1
        'Late p95 (s)'         = Format-BenchNumber (Get-Percentile $late 0.95) 1
        'Late max (s)'         = Format-BenchNumber $maxLate 1
        'Wait (s)'             = Format-BenchNumber $seconds 1
        'Last end after (s)'   = Format-BenchNumber ($LeadSeconds + $spread) 0
        'One read per job: reads/round, round (s)' = "$Jobs, $(Format-BenchNumber ($Jobs / 10) 1)"
        MaxLate                = $maxLate
        MaxPerRound            = [int]($perRound | Measure-Object -Maximum).Maximum
    }
}

$emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
try {
    $report = foreach ($run in $runs) {
        Write-Host "  waiting for $($run.Jobs) jobs at -PollingInterval $($run.Interval)"
        Measure-Wait -Jobs $run.Jobs -Interval $run.Interval -Url $emulator.Url
    }
}
finally {
    Stop-MrsEmulator $emulator
}

$shown = $report | Select-Object * -ExcludeProperty MaxLate, MaxPerRound
$shown | Format-Table -AutoSize | Out-String -Width 250 | Write-Host
$targets = @(
    foreach ($row in $report | Where-Object Jobs -eq 1000) {
        [pscustomobject]@{ Target = "1,000 jobs: reads per round ≤ 15 (-PollingInterval $($row.'Interval (s)'))"; Measured = "$($row.MaxPerRound) at most"; Result = if ($row.MaxPerRound -le 15) { 'PASS' } else { 'MISS' } }
    }
    foreach ($row in $report) {
        $bound = 2 * $row.'Interval (s)'
        [pscustomobject]@{ Target = "$($row.Jobs) jobs: every end noticed within 2 intervals ($bound s)"; Measured = "$(Format-BenchNumber $row.MaxLate 1) s at most"; Result = if ($row.MaxLate -le $bound) { 'PASS' } else { 'MISS' } }
    }
)
$targets | Format-Table -AutoSize | Out-String -Width 250 | Write-Host

$lines = @(
    Get-BenchReportHeader -Title "Wait benchmark ($BenchSize)" -Command "bench/Wait-Bench.ps1 -BenchSize $BenchSize"
    ''
    "Also run by ``dotnet pwsh ./build.ps1 Bench -BenchSize $BenchSize``, after the submission benchmark."
    ''
    '## Reads per round and lateness'
    ''
    (ConvertTo-MarkdownTable $shown)
    ''
    '## Targets'
    ''
    (ConvertTo-MarkdownTable $targets)
    ''
    '## How to read this'
    ''
    "- **Jobs.** Stored on one cluster through ``POST /_emulator/jobs``, spaced so that with a ``running_ms`` of $LeadSeconds s + 10 intervals"
    '  the first ends 2 s after being stored and the last 10 polling intervals later, in submission order. They are'
    '  given to `Wait-MrsJobExecution` as objects with `JobId` and `ClusterId`, after `Connect-MrsProject`.'
    '- **Reads** are the `GET …/job-executions…` requests in the emulator''s request log: list pages (100 jobs each) and'
    '  shows. A round lists each page and shows each job at most once, so the log is cut into rounds where a page or a'
    '  show repeats. The last column is what one read per job, as before, would cost: N reads a round, N/10 seconds at'
    '  the session''s 10 reads a second.'
    '- **Late** is the time a job came out of `Wait-MrsJobExecution` (read in the next pipeline command) minus the'
    '  `FinishedAt` the service reported; the emulator and the bench share the machine''s clock.'
    '- **Wait** is the whole command, from the first read to the last job written.'
    '- **Lateness bound.** Each page is read once a round, and a round starts every interval or, when it takes longer,'
    '  as soon as the last ends: an end is noticed within the longer of the two, plus up to a round when the window'
    '  moves the job to another page. A list page costs one of the session''s 10 reads a second, so a round over 5,000'
    '  jobs (50 pages) takes 5 s: at -PollingInterval 2 that is more than two intervals; at 10 it is not.'
)
Set-Content -Path $ResultPath -Value ($lines | ForEach-Object { $_ }) -Encoding utf8
Write-Host "Wrote $ResultPath"
