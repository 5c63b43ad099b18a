# The contenders of Submit-Bench.ps1. Each reads the same CSV inside its timed region, submits every row
# and returns Seconds, Succeeded (answers with a job id) and FirstError. Sign-in happens before, untimed.
# The Invoke-RestMethod scripts are written as a runbook author would write them by hand.
Set-StrictMode -Version 3.0

function New-BenchOutcome([System.Diagnostics.Stopwatch] $Clock, [int] $Succeeded, $FirstError) {
    [pscustomobject]@{ Seconds = $Clock.Elapsed.TotalSeconds; Succeeded = $Succeeded; FirstError = if ($FirstError) { "$FirstError" } else { $null } }
}

function Test-ThrottleLimit {
    <# Whether the module's New-MrsJobExecution has -ThrottleLimit yet. #>
    (Get-Command New-MrsJobExecution).Parameters.ContainsKey('ThrottleLimit')
}

function Invoke-ModuleContender {
    <# Import-Csv | New-MrsJobExecution [-ThrottleLimit n]; ThrottleLimit 0 = the parameter left out. #>
    param([Parameter(Mandatory)] [string] $CsvPath, [int] $ThrottleLimit)
    $parameters = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failures' }
    if ($ThrottleLimit -gt 0) { $parameters.ThrottleLimit = $ThrottleLimit }
    $failures = $null
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $results = Import-Csv $CsvPath | New-MrsJobExecution @parameters
    $clock.Stop()
    New-BenchOutcome $clock @($results | Where-Object { $_.JobId }).Count ($failures | Select-Object -First 1)
}

function Invoke-IrmLoopContender {
    <# A foreach loop over Import-Csv, one Invoke-RestMethod at a time. #>
    param([Parameter(Mandatory)] [string] $CsvPath, [Parameter(Mandatory)] $Auth)
    $url = $Auth.Url; $projectId = $Auth.ProjectId; $token = $Auth.Token
    $failures = $null
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $results = foreach ($row in Import-Csv $CsvPath) {
        $properties = @{}
        foreach ($pair in $row.properties -split ';') {
            $key, $value = $pair -split '=', 2
            $properties[$key.Trim()] = $value.Trim()
        }
        $body = @{ job_type = $row.job_type; job_name = $row.job_name; arguments = @(-split $row.arguments); properties = $properties } |
            ConvertTo-Json -Compress
        Invoke-RestMethod -Method Post -Uri "$url/v2/$projectId/clusters/$($row.cluster_id)/job-executions" `
            -Headers @{ 'X-Auth-Token' = $token } -ContentType 'application/json; charset=utf-8' -Body $body `
            -ErrorAction SilentlyContinue -ErrorVariable +failures
    }
    $clock.Stop()
    New-BenchOutcome $clock @($results | Where-Object { $_.job_submit_result.job_id }).Count ($failures | Select-Object -First 1)
}

function Invoke-IrmParallelContender {
    <# Import-Csv | ForEach-Object -Parallel { Invoke-RestMethod … } -ThrottleLimit n. #>
    param([Parameter(Mandatory)] [string] $CsvPath, [Parameter(Mandatory)] $Auth, [int] $ThrottleLimit = 16)
    $url = $Auth.Url; $projectId = $Auth.ProjectId; $token = $Auth.Token
    $failures = $null
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $results = Import-Csv $CsvPath | ForEach-Object -ThrottleLimit $ThrottleLimit -ErrorVariable failures -Parallel {
        $row = $_
        $properties = @{}
        foreach ($pair in $row.properties -split ';') {
            $key, $value = $pair -split '=', 2
            $properties[$key.Trim()] = $value.Trim()
        }
        $body = @{ job_type = $row.job_type; job_name = $row.job_name; arguments = @(-split $row.arguments); properties = $properties } |
            ConvertTo-Json -Compress
        Invoke-RestMethod -Method Post -Uri "$using:url/v2/$using:projectId/clusters/$($row.cluster_id)/job-executions" `
            -Headers @{ 'X-Auth-Token' = $using:token } -ContentType 'application/json; charset=utf-8' -Body $body
    }
    $clock.Stop()
    New-BenchOutcome $clock @($results | Where-Object { $_.job_submit_result.job_id }).Count ($failures | Select-Object -First 1)
}

function Invoke-RawContender {
    <# The C# client of RawClient.cs (one HttpClient, SemaphoreSlim, Task.WhenAll), timed inside. #>
    param([Parameter(Mandatory)] [string] $CsvPath, [Parameter(Mandatory)] $Auth, [int] $Concurrency = 16)
    $run = [MrsJobsBench.RawClient]::SubmitCsv($CsvPath, $Auth.Url, $Auth.ProjectId, $Auth.Token, $Concurrency)
    [pscustomobject]@{ Seconds = $run.Seconds; Succeeded = $run.Succeeded; FirstError = $run.FirstError }
}

function Invoke-CsvOnlyReference {
    <# Not a contender: Import-Csv | Out-Null, the cost of reading the rows in PowerShell with no request at all. #>
    param([Parameter(Mandatory)] [string] $CsvPath)
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Import-Csv $CsvPath | Out-Null
    $clock.Stop()
    New-BenchOutcome $clock 0 $null
}

function Get-BenchContender {
    <# The contenders, in table order. Run takes (csv path, auth); Available is false for a missing -ThrottleLimit; Submits false for the reference. #>
    $throttle = Test-ThrottleLimit
    $sequential = if ($throttle) { 1 } else { 0 }
    $sequentialName = if ($throttle) { 'Import-Csv | New-MrsJobExecution -ThrottleLimit 1' } else { 'Import-Csv | New-MrsJobExecution (no -ThrottleLimit yet)' }
    $list = @(
        [pscustomobject]@{ Key = 'module-1'; Name = $sequentialName; Concurrency = 1; Available = $true; Run = { param($csv, $auth) Invoke-ModuleContender -CsvPath $csv -ThrottleLimit $sequential }.GetNewClosure() }
    )
    foreach ($limit in 4, 16, 64) {
        $list += [pscustomobject]@{ Key = "module-$limit"; Name = "New-MrsJobExecution -ThrottleLimit $limit"; Concurrency = $limit; Available = $throttle
            Run = { param($csv, $auth) Invoke-ModuleContender -CsvPath $csv -ThrottleLimit $limit }.GetNewClosure() }
    }
    $list += [pscustomobject]@{ Key = 'irm-loop'; Name = 'foreach { Invoke-RestMethod } (sequential)'; Concurrency = 1; Available = $true
        Run = { param($csv, $auth) Invoke-IrmLoopContender -CsvPath $csv -Auth $auth } }
    $list += [pscustomobject]@{ Key = 'irm-parallel-16'; Name = 'ForEach-Object -Parallel -ThrottleLimit 16 { Invoke-RestMethod }'; Concurrency = 16; Available = $true
        Run = { param($csv, $auth) Invoke-IrmParallelContender -CsvPath $csv -Auth $auth -ThrottleLimit 16 } }
    foreach ($limit in 16, 64) {
        $list += [pscustomobject]@{ Key = "raw-$limit"; Name = "raw C# HttpClient, concurrency $limit"; Concurrency = $limit; Available = $true
            Run = { param($csv, $auth) Invoke-RawContender -CsvPath $csv -Auth $auth -Concurrency $limit }.GetNewClosure() }
    }
    $list += [pscustomobject]@{ Key = 'csv-only'; Name = 'reference: Import-Csv | Out-Null (no requests)'; Concurrency = 1; Available = $true; Submits = $false
        Run = { param($csv, $auth) Invoke-CsvOnlyReference -CsvPath $csv } }
    $list
}

Export-ModuleMember -Function Test-ThrottleLimit, Invoke-ModuleContender, Invoke-IrmLoopContender, Invoke-IrmParallelContender, Invoke-RawContender, Invoke-CsvOnlyReference, Get-BenchContender
