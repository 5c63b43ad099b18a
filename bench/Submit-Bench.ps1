<#
.SYNOPSIS
    Submission throughput of New-MrsJobExecution side by side with hand-written scripts and a raw C# client,
    at 0 ms and 300 ms emulator latency; plus import time and peak memory. Writes bench/results.md.
.DESCRIPTION
    One emulator process serves every scenario. Each scenario: POST /_emulator/reset, set the latency,
    sign in again (untimed), warm the contender up on its own rows, then time it over the shared CSV
    (SparkSubmit jobs with arguments and properties, unique names) and count the jobs the emulator
    created: a contender that created the wrong number is flagged and its targets read INVALID.
    Targets are computed from the measured numbers and printed as PASS or MISS.
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -BenchSize Full
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [ValidateSet('Quick', 'Full')] [string] $BenchSize = 'Quick',
    [string] $ResultPath = (Join-Path $PSScriptRoot 'results.md'),
    [string] $Command = "pwsh $PSCommandPath -ModulePath $ModulePath -EmulatorPath $EmulatorPath -BenchSize $BenchSize"
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$work = Join-Path ([System.IO.Path]::GetTempPath()) "mrsjobs-submit-bench-$PID"
$emulator = $null
$csvFiles = @{}

function Get-Csv([string] $Prefix, [int] $Count) {
    $key = "$Prefix-$Count"
    if (-not $csvFiles.ContainsKey($key)) {
        $csvFiles[$key] = Join-Path $work "$key.csv"
        New-BenchCsv -Path $csvFiles[$key] -Count $Count -Prefix $Prefix
    }
    $csvFiles[$key]
}

function New-Row($Latency, $Contender, $Jobs, $Runs, $Stats, [string] $Note) {
    # Runs: the timed runs (Outcome + Created); the row shows their median, and is valid only if every run created Jobs jobs.
    $expected = if ($Contender.PSObject.Properties['Submits'] -and -not $Contender.Submits) { 0 } else { $Jobs }
    $rates = @($Runs | Where-Object { $_.Outcome.Seconds -gt 0 } | ForEach-Object { $Jobs / $_.Outcome.Seconds })
    $wrong = @($Runs | Where-Object { $_.Created -ne $expected }) | Select-Object -First 1
    if ($wrong -and $wrong.Created -eq -1) { $Note = 'WRONG COUNT: job names stored twice' }
    elseif ($wrong) { $Note = "WRONG COUNT: $($wrong.Created) of $expected created$(if ($wrong.Outcome.FirstError) { "; first error: $($wrong.Outcome.FirstError)" })" }
    [pscustomobject]@{
        Latency      = $Latency
        Key          = $Contender.Key
        Name         = $Contender.Name
        Concurrency  = $Contender.Concurrency
        Jobs         = $Jobs
        Runs         = @($Runs).Count
        Created      = if (@($Runs).Count -eq 0) { 'n/a' } elseif ($wrong) { "$($wrong.Created)" } else { "$expected" }
        Seconds      = if ($rates) { $Jobs / (Get-Median $rates) } else { $null }
        Rate         = if ($rates) { Get-Median $rates } else { $null }
        PeakInFlight = if ($Stats) { ($Stats | Measure-Object peak_in_flight -Maximum).Maximum } else { $null }
        Valid        = @($Runs).Count -gt 0 -and -not $wrong
        Note         = $Note
    }
}

function Connect-Bench([int] $LatencyMs) {
    # A fresh emulator (same process) and a fresh sign-in for the module and for the scripts.
    Reset-BenchEmulator -Url $url -LatencyMs $LatencyMs -Features $features
    Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $url -IamEndpoint $url
    Get-BenchToken -Url $url
}

function Invoke-Scenario($Contender, [int] $LatencyMs, [int] $Jobs) {
    # Warm-up on its own rows, the same rule for every contender. At 0 ms: repeated for at least WarmSeconds and
    # until the rate is steady (the last three runs within 10% of each other), or WarmMaxSeconds: .NET's tiered
    # JIT promotes hot code only after tens of thousands of calls (pwsh's binder, the module, the emulator), and
    # a rate measured before that says more about the JIT than about the contender. At 300 ms: one wave.
    $auth = Connect-Bench $LatencyMs
    $warmCount = if ($LatencyMs -eq 0) { 500 } else { [Math]::Max(2, $Contender.Concurrency) }
    $warmRates = [System.Collections.Generic.List[double]]::new()
    $warmClock = [System.Diagnostics.Stopwatch]::StartNew()
    do {
        $warm = & $Contender.Run (Get-Csv 'warm' $warmCount) $auth
        $warmRates.Add($warmCount / [Math]::Max($warm.Seconds, 1e-6))
        $elapsed = $warmClock.Elapsed.TotalSeconds
        $recent = @($warmRates | Select-Object -Last 3)
        $steady = $recent.Count -ge 3 -and (($recent | Measure-Object -Maximum).Maximum - ($recent | Measure-Object -Minimum).Minimum) -le 0.1 * $warmRates[-1]
    } while ($LatencyMs -eq 0 -and $warmRates.Count -lt 400 -and $elapsed -lt $size.WarmMaxSeconds -and -not ($steady -and $elapsed -ge $size.WarmSeconds))
    # Timed runs, each on a freshly reset emulator: at 0 ms until MinSeconds in total (at most 25, median reported); at 300 ms one.
    $runs = [System.Collections.Generic.List[object]]::new()
    $stats = [System.Collections.Generic.List[object]]::new()
    $timed = 0.0
    do {
        $auth = Connect-Bench $LatencyMs
        if ($features.Stats) { $null = Invoke-BenchControl -Url $url -Method Post -Path 'stats/reset' -Optional }
        $before = Get-BenchJobCount -Url $url -Features $features
        [System.GC]::Collect(); [System.GC]::WaitForPendingFinalizers()
        $outcome = & $Contender.Run (Get-Csv 'bench' $Jobs) $auth
        $created = (Get-BenchJobCount -Url $url -Features $features) - $before
        if ($features.Stats) {
            $stats.Add(($stat = Invoke-BenchControl -Url $url -Method Get -Path 'stats'))
            # A name stored more than once is a double submission: count the run as wrong (-1 flags it).
            if ($stat.PSObject.Properties.Name -contains 'jobs_by_name_over_one' -and @($stat.jobs_by_name_over_one.PSObject.Properties).Count) { $created = -1 }
        }
        $runs.Add([pscustomobject]@{ Outcome = $outcome; Created = $created })
        $timed += $outcome.Seconds
    } while ($LatencyMs -eq 0 -and $timed -lt $size.MinSeconds -and $runs.Count -lt 25)
    $row = New-Row $LatencyMs $Contender $Jobs $runs $stats ''
    Write-Host ("  {0,3} ms  {1,-66} {2,6} jobs x{3} {4,8} jobs/s  {5}" -f $LatencyMs, $row.Name, $Jobs, $row.Runs, (Format-BenchRate $row.Rate), $row.Note)
    $row
}

try {
    # Measure a private copy of the built module and emulator: others may rebuild out/ while the bench runs.
    $null = New-Item -ItemType Directory -Path $work -Force
    Copy-Item -Path (Resolve-Path $ModulePath).Path -Destination (Join-Path $work 'MrsJobs') -Recurse
    Copy-Item -Path (Split-Path (Resolve-Path $EmulatorPath).Path) -Destination (Join-Path $work 'emulator') -Recurse
    $ModulePath = Join-Path $work 'MrsJobs'
    $EmulatorPath = Join-Path $work 'emulator' (Split-Path $EmulatorPath -Leaf)
    Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../build/BuildTools.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'BenchContenders.psm1') -Force
    Import-Module (Join-Path $ModulePath 'MrsJobs.psd1') -Force
    Add-Type -Path (Join-Path $PSScriptRoot 'RawClient.cs')

    $size = Get-BenchSize -BenchSize $BenchSize
    $pwsh = Get-PwshCommand
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))

    $emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
    $url = $emulator.Url
    $features = Test-BenchEmulator -Url $url
    $throttle = Test-ThrottleLimit
    Write-Host "Emulator $url — latency_ms: $(if ($features.Latency) { 'yes' } else { 'NOT YET' }); /stats: $(if ($features.Stats) { 'yes' } else { 'NOT YET (counting GET /_emulator/jobs)' }); -ThrottleLimit: $(if ($throttle) { 'yes' } else { 'NOT YET' })"
    $rows = [System.Collections.Generic.List[object]]::new()

    # Warm the emulator itself (its JIT) once, with the cheapest client, so that the first contender does not pay for it.
    $auth = Connect-Bench 0
    foreach ($i in 1..4) { $null = [MrsJobsBench.RawClient]::SubmitCsv((Get-Csv 'warm' 5000), $url, $auth.ProjectId, $auth.Token, 16) }

    # a–e: every contender at 0 ms, then at 300 ms.
    foreach ($latency in 0, 300) {
        foreach ($contender in Get-BenchContender) {
            if ($latency -gt 0 -and $contender.Key -eq 'csv-only') { continue }
            $jobs = if ($latency -eq 0) { $size.Rows0 } elseif ($contender.Concurrency -eq 1) { $size.Sequential300 } else { $contender.Concurrency * $size.Waves300 }
            if ($latency -gt 0 -and -not $features.Latency) { $rows.Add((New-Row $latency $contender $jobs @() $null 'n/a: the emulator has no latency_ms setting yet')); continue }
            if (-not $contender.Available) { $rows.Add((New-Row $latency $contender $jobs @() $null 'n/a: New-MrsJobExecution has no -ThrottleLimit yet')); continue }
            $rows.Add((Invoke-Scenario $contender $latency $jobs))
        }
    }

    # f: the emulator's ceiling: the raw client at 64 against a route that does no work (control API, not recorded).
    Reset-BenchEmulator -Url $url -LatencyMs 0 -Features $features
    $cheapUrl = "$url/_emulator/settings"
    $null = [MrsJobsBench.RawClient]::GetMany($cheapUrl, 2000, 64)
    $ceilingRuns = foreach ($i in 1..3) {
        $run = [MrsJobsBench.RawClient]::GetMany($cheapUrl, $size.CeilingRows, 64)
        [pscustomobject]@{ Outcome = [pscustomobject]@{ Seconds = $run.Seconds; FirstError = $run.FirstError }; Created = $run.Succeeded }
    }
    $ceilingContender = [pscustomobject]@{ Key = 'ceiling'; Name = 'emulator ceiling: raw client GET /_emulator/settings, concurrency 64'; Concurrency = 64 }
    $ceilingRow = New-Row 0 $ceilingContender $size.CeilingRows $ceilingRuns $null ''
    $ceilingRow.Created = "$($ceilingRow.Created) answered"
    $rows.Add($ceilingRow)
    Write-Host ("  ceiling: {0} requests/s" -f (Format-BenchNumber $ceilingRow.Rate))

    # g: import time in fresh processes.
    Write-Host '  Import-Module time (fresh pwsh, median of 5)…'
    $import = Measure-BenchImport -Pwsh $pwsh -ManifestPath (Join-Path $ModulePath 'MrsJobs.psd1') -Repeat $size.ImportRepeat

    # h: peak memory, each run in a fresh pwsh, latency 0.
    $memory = foreach ($count in $size.MemoryRows) {
        Measure-BenchMemory -Pwsh $pwsh -ModulePath $ModulePath -Url $url -Features $features -CsvPath (Get-Csv 'bench' $count) -Rows $count -Repeat $size.MemoryRepeat
    }
}
finally {
    if ($emulator) { Stop-MrsEmulator $emulator }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

# Targets, from the measured rows only.
function Find-Row([int] $Latency, [string] $Key) { $rows | Where-Object { $_.Latency -eq $Latency -and $_.Key -eq $Key } | Select-Object -First 1 }
$targets = @(
    New-BenchTarget '300 ms: -ThrottleLimit 16 vs sequential (-ThrottleLimit 1)' (Find-Row 300 'module-16') (Find-Row 300 'module-1') 10
    New-BenchTarget '300 ms: -ThrottleLimit 16 vs ForEach-Object -Parallel 16' (Find-Row 300 'module-16') (Find-Row 300 'irm-parallel-16') 1.0
    New-BenchTarget '300 ms: -ThrottleLimit 16 vs raw client at 16' (Find-Row 300 'module-16') (Find-Row 300 'raw-16') 0.9
    New-BenchTarget '0 ms: -ThrottleLimit 16 vs raw client at 16' (Find-Row 0 'module-16') (Find-Row 0 'raw-16') 0.8
)
$small = $memory | Where-Object Rows -eq 1000
$large = $memory | Where-Object Rows -eq 100000
$growth = ($large.PeakBytes - $small.PeakBytes) / 1MB
$memoryResult = if (-not ($small.Valid -and $large.Valid)) { 'INVALID (job count wrong)' }
elseif (-not ($small.Throttled -and $large.Throttled)) { "n/a (no -ThrottleLimit; sequential runs grew $(Format-BenchNumber $growth 1) MB)" }
elseif ($growth -le 50) { 'PASS' } else { 'MISS' }
$targets += [pscustomobject]@{
    Target   = '100,000 rows at -ThrottleLimit 64: peak working set vs 1,000 rows'
    Measured = "$(Format-BenchNumber ($large.PeakBytes / 1MB) 1) MB - $(Format-BenchNumber ($small.PeakBytes / 1MB) 1) MB = +$(Format-BenchNumber $growth 1) MB"
    Needed   = '≤ +50 MB'
    Result   = $memoryResult
}

# Report.
$best = $rows | Where-Object { $_.Latency -eq 0 -and $_.Key -like 'raw-*' -and $_.Valid } | Sort-Object Rate -Descending | Select-Object -First 1
$table = foreach ($row in $rows) {
    [pscustomobject]@{
        Latency          = "$($row.Latency) ms"
        Contender        = $row.Name
        'In flight (max)' = $row.Concurrency
        Jobs             = $row.Jobs
        Runs             = $row.Runs
        Created          = $row.Created
        'Seconds (median)' = Format-BenchNumber $row.Seconds 2
        'Jobs/s'         = Format-BenchRate $row.Rate
        'Peak in flight' = if ($null -ne $row.PeakInFlight) { $row.PeakInFlight } else { '–' }
        Note             = $row.Note
    }
}
$report = @(
    Get-BenchReportHeader -Title "Submission benchmark ($BenchSize)" -Command $Command
    "- Emulator: one process for every scenario; latency_ms $(if ($features.Latency) { 'supported' } else { 'not supported yet' }); /_emulator/stats $(if ($features.Stats) { 'supported' } else { 'not supported yet (job counts from GET /_emulator/jobs)' })"
    ''
    '## Throughput (a–f)'
    ''
    ConvertTo-MarkdownTable $table
    ''
    "Emulator ceiling (f): $(Format-BenchNumber $ceilingRow.Rate) requests/s for a route that does no work; best raw submission figure at 0 ms: $(if ($best) { "$(Format-BenchNumber $best.Rate) jobs/s ($($best.Name))" } else { 'n/a' })."
    ''
    '## Targets'
    ''
    ConvertTo-MarkdownTable $targets
    ''
    '## Import-Module (g)'
    ''
    "Fresh ``pwsh -NoProfile``, median of $($size.ImportRepeat): ``-Command exit`` $($import.BareMs) ms; with ``Import-Module MrsJobs.psd1`` $($import.WithMs) ms; **import costs $($import.OverheadMs) ms** (Import-Module alone, timed inside the process: $($import.InProcessMs) ms)."
    ''
    '## Peak memory (h): Import-Csv | New-MrsJobExecution -ThrottleLimit 64 | ForEach-Object { count }, fresh pwsh each, 0 ms'
    ''
    ConvertTo-MarkdownTable @($memory | Select-Object * -ExcludeProperty PeakBytes, Valid, Throttled)
    ''
    '## How to read this'
    ''
    (Get-Content (Join-Path $PSScriptRoot 'results-notes.md'))
)
$report | Set-Content -Path $ResultPath -Encoding utf8
Write-Host ''
$report[0..([Array]::IndexOf($report, '## How to read this') - 2)] | Write-Host
Write-Host "Written: $ResultPath"
