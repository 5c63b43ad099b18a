# Helpers for Submit-Bench.ps1: sizes, the shared CSV, the emulator's control API, sign-in for the
# hand-written contenders, fresh-process measurements (import time, peak memory) and the machine line.
Set-StrictMode -Version 3.0

$script:ClusterId = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'

function Get-BenchSize {
    <# Row counts per -BenchSize. At 300 ms a run of c requests in flight takes Waves x 0.3 s. #>
    param([Parameter(Mandatory)] [ValidateSet('Quick', 'Full')] [string] $BenchSize)
    if ($BenchSize -eq 'Full') {
        return [pscustomobject]@{ WarmSeconds = 12; WarmMaxSeconds = 40; MinSeconds = 4; Rows0 = 10000; Sequential300 = 60; Waves300 = 60; CeilingRows = 40000; MemoryRows = 1000, 100000; MemoryRepeat = 3; ImportRepeat = 5 }
    }
    [pscustomobject]@{ WarmSeconds = 4; WarmMaxSeconds = 12; MinSeconds = 1.5; Rows0 = 2000; Sequential300 = 24; Waves300 = 20; CeilingRows = 10000; MemoryRows = 1000, 100000; MemoryRepeat = 1; ImportRepeat = 5 }
}

function New-BenchCsv {
    <#
    Writes Count SparkSubmit jobs with arguments and properties and unique names ({Prefix}-000001 …).
    Every file with the same prefix holds the same rows, so a shorter file is a prefix of a longer one.
    No quotes and no commas inside cells: the raw client splits lines on ','.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [int] $Count, [string] $Prefix = 'bench')
    $writer = [System.IO.StreamWriter]::new($Path, $false, [System.Text.UTF8Encoding]::new($false))
    try {
        $writer.WriteLine('cluster_id,job_name,job_type,arguments,properties')
        for ($i = 1; $i -le $Count; $i++) {
            $name = '{0}-{1:D6}' -f $Prefix, $i
            $writer.WriteLine("$script:ClusterId,$name,SparkSubmit," +
                "--class org.example.Sessionize$($i % 7) --master yarn --deploy-mode cluster obs://bench-bucket/app/sessionize.jar obs://bench-bucket/in/day-$($i % 28) obs://bench-bucket/out/$name," +
                "spark.executor.memory=4g;spark.executor.instances=$($i % 8 + 1);spark.yarn.queue=default;fs.obs.endpoint=obs.cn-north-4.myhuaweicloud.com")
        }
    }
    finally { $writer.Dispose() }
}

function Invoke-BenchControl {
    <# The emulator's control API; returns $null instead of failing when a route does not exist yet. #>
    param([Parameter(Mandatory)] [string] $Url, [Parameter(Mandatory)] [string] $Method, [Parameter(Mandatory)] [string] $Path, $Body, [switch] $Optional)
    $parameters = @{ Url = $Url; Method = $Method; Path = $Path }
    if ($PSBoundParameters.ContainsKey('Body')) { $parameters.Body = $Body }
    if (-not $Optional) { return Invoke-MrsEmulatorControl @parameters }
    try { Invoke-MrsEmulatorControl @parameters } catch { $null }
}

function Test-BenchEmulator {
    <# What the emulator offers: per-request latency (PUT /settings latency_ms) and GET /stats. #>
    param([Parameter(Mandatory)] [string] $Url)
    $settings = Invoke-BenchControl -Url $Url -Method Put -Path 'settings' -Body @{ latency_ms = 0 } -Optional
    $stats = Invoke-BenchControl -Url $Url -Method Get -Path 'stats' -Optional
    [pscustomobject]@{
        Latency = $null -ne $settings -and $settings.PSObject.Properties.Name -contains 'latency_ms'
        Stats   = $null -ne $stats -and $stats.PSObject.Properties.Name -contains 'jobs_total'
    }
}

function Reset-BenchEmulator {
    <# POST /_emulator/reset, then the latency (reset restores the default settings). #>
    param([Parameter(Mandatory)] [string] $Url, [int] $LatencyMs = 0, [Parameter(Mandatory)] $Features)
    $null = Invoke-BenchControl -Url $Url -Method Post -Path 'reset'
    if ($Features.Latency) { $null = Invoke-BenchControl -Url $Url -Method Put -Path 'settings' -Body @{ latency_ms = $LatencyMs } }
}

function Get-BenchJobCount {
    <# Jobs the emulator holds: stats jobs_total when it exists, else the length of GET /_emulator/jobs. #>
    param([Parameter(Mandatory)] [string] $Url, [Parameter(Mandatory)] $Features)
    if ($Features.Stats) { return [long](Invoke-BenchControl -Url $Url -Method Get -Path 'stats').jobs_total }
    [long]@(Invoke-BenchControl -Url $Url -Method Get -Path 'jobs').Count
}

function Get-BenchToken {
    <# Signs in as a runbook would: POST /v3/auth/tokens, token from X-Subject-Token, project id from the body. #>
    param([Parameter(Mandatory)] [string] $Url)
    $body = '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo-user","password":"Demo-Passw0rd!","domain":{"name":"demo-account"}}}},"scope":{"project":{"name":"cn-north-4"}}}}'
    $response = Invoke-WebRequest -Method Post -Uri "$Url/v3/auth/tokens?nocatalog=true" -ContentType 'application/json' -Body $body
    [pscustomobject]@{
        Url       = $Url
        Token     = @($response.Headers['X-Subject-Token'])[0]
        ProjectId = ($response.Content | ConvertFrom-Json).token.project.id
    }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Invoke-FreshPwsh {
    <# Runs a fresh `pwsh -NoProfile -NonInteractive` with the given arguments; returns its output lines. #>
    param([Parameter(Mandatory)] [string[]] $Pwsh, [Parameter(Mandatory)] [string[]] $Arguments)
    & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive @Arguments
    if ($LASTEXITCODE -ne 0) { throw "pwsh $($Arguments -join ' ') exited with $LASTEXITCODE." }
}

function Measure-BenchImport {
    <#
    Wall time of `pwsh -NoProfile -Command "Import-Module …; exit"` over `pwsh -NoProfile -Command exit`,
    median of Repeat runs each (interleaved, after one unmeasured pair to warm the disk cache).
    Also the median of Import-Module itself, timed inside the fresh process.
    #>
    param([Parameter(Mandatory)] [string[]] $Pwsh, [Parameter(Mandatory)] [string] $ManifestPath, [int] $Repeat = 5)
    $import = "`$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ManifestPath' -ErrorAction Stop; `$c.Elapsed.TotalMilliseconds; exit"
    $bare = [System.Collections.Generic.List[double]]::new()
    $withImport = [System.Collections.Generic.List[double]]::new()
    $inProcess = [System.Collections.Generic.List[double]]::new()
    for ($i = 0; $i -le $Repeat; $i++) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $null = Invoke-FreshPwsh -Pwsh $Pwsh -Arguments '-Command', 'exit'
        $bareMs = $clock.Elapsed.TotalMilliseconds
        $clock.Restart()
        $inside = Invoke-FreshPwsh -Pwsh $Pwsh -Arguments '-Command', $import
        $importMs = $clock.Elapsed.TotalMilliseconds
        if ($i -eq 0) { continue }
        $bare.Add($bareMs); $withImport.Add($importMs); $inProcess.Add([double]@($inside)[-1])
    }
    [pscustomobject]@{
        BareMs      = [Math]::Round((Get-Median $bare), 0)
        WithMs      = [Math]::Round((Get-Median $withImport), 0)
        OverheadMs  = [Math]::Round((Get-Median $withImport) - (Get-Median $bare), 0)
        InProcessMs = [Math]::Round((Get-Median $inProcess), 0)
    }
}

function Invoke-BenchMemoryRun {
    <# Runs bench/Measure-SubmitMemory.ps1 in a fresh pwsh; returns the JSON line it prints, as an object. #>
    param([Parameter(Mandatory)] [string[]] $Pwsh, [Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Url,
        [Parameter(Mandatory)] [string] $CsvPath, [int] $ThrottleLimit)
    $script = Join-Path $PSScriptRoot 'Measure-SubmitMemory.ps1'
    $lines = Invoke-FreshPwsh -Pwsh $Pwsh -Arguments '-File', $script, '-ModulePath', $ModulePath, '-Url', $Url, '-CsvPath', $CsvPath, '-ThrottleLimit', $ThrottleLimit
    @($lines | Where-Object { "$_".StartsWith('{') })[-1] | ConvertFrom-Json
}

function Measure-BenchMemory {
    <#
    Runs Measure-SubmitMemory.ps1 Repeat times, each in a fresh pwsh on a freshly reset emulator at 0 ms, and
    returns the run with the median peak working set, its job count checked on the emulator.
    #>
    param([Parameter(Mandatory)] [string[]] $Pwsh, [Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Url,
        [Parameter(Mandatory)] $Features, [Parameter(Mandatory)] [string] $CsvPath, [Parameter(Mandatory)] [int] $Rows, [int] $Repeat = 1)
    $runs = foreach ($i in 1..$Repeat) {
        Reset-BenchEmulator -Url $Url -LatencyMs 0 -Features $Features
        $run = Invoke-BenchMemoryRun -Pwsh $Pwsh -ModulePath $ModulePath -Url $Url -CsvPath $CsvPath -ThrottleLimit 64
        $created = if ($Features.Stats -or $Rows -le 10000) { Get-BenchJobCount -Url $Url -Features $Features } else { $null }
        $run | Add-Member -NotePropertyName created -NotePropertyValue $created -PassThru
    }
    $run = @($runs | Sort-Object peak_working_set)[[int][Math]::Floor(($Repeat - 1) / 2)]
    $wrong = @($runs | Where-Object { $null -ne $_.created -and $_.created -ne $Rows }) | Select-Object -First 1
    $createdText = if ($wrong) { "WRONG COUNT: $($wrong.created)" } elseif ($null -eq $run.created) { "$($run.submitted) (client count; no /stats)" } else { "$($run.created)" }
    Write-Host ("  memory {0,7} rows: peak working set {1} MB (median of {2})" -f $Rows, (Format-BenchNumber ($run.peak_working_set / 1MB) 1), $Repeat)
    [pscustomobject]@{
        Rows                 = $Rows
        'Throttle limit'     = if ($null -ne $run.throttle_limit) { $run.throttle_limit } else { 'none (sequential: no -ThrottleLimit yet)' }
        Runs                 = $Repeat
        Created              = $createdText
        Seconds              = Format-BenchNumber $run.seconds 1
        'Jobs/s'             = Format-BenchNumber ($Rows / $run.seconds)
        'WS before (MB)'     = Format-BenchNumber ($run.working_set_before / 1MB) 1
        'Peak WS (MB)'       = Format-BenchNumber ($run.peak_working_set / 1MB) 1
        'Peak - before (MB)' = Format-BenchNumber (($run.peak_working_set - $run.working_set_before) / 1MB) 1
        'Peak heap (MB)'     = Format-BenchNumber ($run.peak_heap / 1MB) 1
        'Heap after GC (MB)' = Format-BenchNumber ($run.heap_after_gc / 1MB) 1
        PeakBytes            = [double]$run.peak_working_set
        Valid                = -not $wrong -and ($null -ne $run.created -or $run.submitted -eq $Rows)
        Throttled            = $null -ne $run.throttle_limit
    }
}

function New-BenchTarget {
    <# A ratio target: Numerator.Rate / Denominator.Rate against Minimum; n/a when unmeasured, INVALID when a count was wrong. #>
    param([string] $Name, $Numerator, $Denominator, [double] $Minimum)
    $ratio = $null
    $result = if ($null -eq $Numerator -or $null -eq $Denominator -or $null -eq $Numerator.Rate -or $null -eq $Denominator.Rate) {
        'n/a (not measured)'
    }
    elseif (-not ($Numerator.Valid -and $Denominator.Valid)) { 'INVALID (job count wrong)' }
    else {
        $ratio = $Numerator.Rate / $Denominator.Rate
        if ($ratio -ge $Minimum) { 'PASS' } else { 'MISS' }
    }
    [pscustomobject]@{
        Target   = $Name
        Measured = if ($null -ne $ratio) { "$(Format-BenchRate $Numerator.Rate) / $(Format-BenchRate $Denominator.Rate) jobs/s = $(Format-BenchNumber $ratio 2)x" } else { 'n/a' }
        Needed   = "≥ $(Format-BenchNumber $Minimum 1)x"
        Result   = $result
    }
}

function Get-BenchMachine {
    <# One line per fact about the machine and the runtime, for results.md. #>
    $cpu = if (Test-Path /proc/cpuinfo) { (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value } else { $env:PROCESSOR_IDENTIFIER }
    $memoryGb = [Math]::Round([System.GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes / 1GB, 1)
    [ordered]@{
        'Cores'      = "$([Environment]::ProcessorCount) ($cpu), $memoryGb GB"
        'OS'         = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
        'PowerShell' = "$($PSVersionTable.PSVersion)"
        '.NET'       = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        'GC'         = if ([System.Runtime.GCSettings]::IsServerGC) { 'server' } else { 'workstation' }
        'Date'       = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm') + ' UTC'
    }
}

function Get-BenchReportHeader {
    <# The first lines of a results file: the title, the command that made it, and the machine. #>
    param([Parameter(Mandatory)] [string] $Title, [Parameter(Mandatory)] [string] $Command)
    "# $Title"
    ''
    "Command: ``$Command``"
    ''
    (Get-BenchMachine).GetEnumerator() | ForEach-Object { "- $($_.Key): $($_.Value)" }
}

function Format-BenchNumber($Value, [int] $Digits = 0) {
    if ($null -eq $Value) { return 'n/a' }
    [Math]::Round([double]$Value, $Digits).ToString("N$Digits", [cultureinfo]::InvariantCulture)
}

function Format-BenchRate($Value) {
    <# Jobs per second: one decimal below 100, whole numbers above. #>
    if ($null -eq $Value) { return 'n/a' }
    Format-BenchNumber $Value $(if ([double]$Value -lt 100) { 1 } else { 0 })
}

function ConvertTo-MarkdownTable {
    <# Objects to a GitHub table, columns in property order. #>
    param([Parameter(Mandatory)] [object[]] $InputObject)
    $names = $InputObject[0].PSObject.Properties.Name
    '| ' + ($names -join ' | ') + ' |'
    '|' + (($names | ForEach-Object { '---' }) -join '|') + '|'
    foreach ($item in $InputObject) { '| ' + (($names | ForEach-Object { "$($item.$_)" -replace '\|', '\|' }) -join ' | ') + ' |' }
}

Export-ModuleMember -Function Get-BenchSize, New-BenchCsv, Invoke-BenchControl, Test-BenchEmulator, Reset-BenchEmulator, Get-BenchJobCount,
    Get-BenchToken, Get-Median, Invoke-FreshPwsh, Measure-BenchImport, Invoke-BenchMemoryRun, Measure-BenchMemory, New-BenchTarget, Get-BenchMachine, Get-BenchReportHeader, Format-BenchNumber, Format-BenchRate, ConvertTo-MarkdownTable
