<#
.SYNOPSIS
    Measures New-MrsJobExecution against the local emulator: throughput, and memory for growing CSVs.
.DESCRIPTION
    Writes CSVs of increasing size, streams each through Import-Csv | New-MrsJobExecution, and reports
    rows per second and the managed heap after the run. The heap should stay flat as the CSV grows
    (streaming, one shared HttpClient); the rate is bounded by one request at a time on loopback.
    A measurement, not a test: nothing here passes or fails.
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int[]] $Rows = @(500, 2000, 8000)
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $ModulePath 'MrsJobs.psd1') -Force

$emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
$work = Join-Path ([System.IO.Path]::GetTempPath()) "mrsjobs-bench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
try {
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))
    Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $emulator.Url -IamEndpoint $emulator.Url
    $cluster = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'

    # Warm-up: JIT, the HttpClient and the connection.
    1..20 | ForEach-Object { [pscustomobject]@{ ClusterId = $cluster; JobName = "warm-$_"; JobType = 'MapReduce' } } |
        New-MrsJobExecution | Out-Null

    $report = foreach ($count in $Rows) {
        $csv = Join-Path $work "jobs-$count.csv"
        $writer = [System.IO.StreamWriter]::new($csv)
        $writer.WriteLine('cluster_id,job_name,job_type,arguments,properties')
        for ($i = 1; $i -le $count; $i++) {
            $writer.WriteLine("$cluster,job-$i,SparkSubmit,--class org.example.Job$i obs://bucket/app.jar $i,spark.executor.memory=2g;fs.obs.secret.key=s$i")
        }
        $writer.Dispose()
        $null = Invoke-MrsEmulatorControl -Url $emulator.Url -Method Post -Path 'reset'
        Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $emulator.Url -IamEndpoint $emulator.Url

        [System.GC]::Collect(); [System.GC]::WaitForPendingFinalizers(); [System.GC]::Collect()
        $heapBefore = [System.GC]::GetTotalMemory($true)
        $peak = 0L
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $submitted = 0
        Import-Csv $csv | New-MrsJobExecution | ForEach-Object {
            $submitted++
            if ($submitted % 250 -eq 0) { $peak = [Math]::Max($peak, [System.GC]::GetTotalMemory($false)) }
        }
        $clock.Stop()
        $heapAfter = [System.GC]::GetTotalMemory($true)
        [pscustomobject]@{
            Rows          = $count
            Submitted     = $submitted
            Seconds       = [Math]::Round($clock.Elapsed.TotalSeconds, 2)
            RowsPerSecond = [Math]::Round($submitted / $clock.Elapsed.TotalSeconds, 0)
            HeapBeforeMB  = [Math]::Round($heapBefore / 1MB, 1)
            PeakHeapMB    = [Math]::Round($peak / 1MB, 1)
            HeapAfterMB   = [Math]::Round($heapAfter / 1MB, 1)
        }
    }
    $report | Format-Table -AutoSize | Out-String | Write-Host
    Write-Host "Machine: $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), $([System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription)"
}
finally {
    Stop-MrsEmulator $emulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
