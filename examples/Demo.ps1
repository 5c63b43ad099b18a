<#
.SYNOPSIS
    The README's main job: submit examples/jobs.csv to a local MRS emulator and show what happened.
.DESCRIPTION
    Started by `./build.ps1 Demo` after the build. Starts the emulator (a local stand-in for Huawei
    Cloud IAM and MRS), signs in with the emulator's demo account, pipes the CSV through
    New-MrsJobExecution and Wait-MrsJobExecution into a results CSV, reads a SQL result, stops a
    runaway job, cleans up, signs in again with an access key from the environment as Huawei's SDKs
    do, and stops the emulator.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $CsvPath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1') -Force

function Write-Heading([string] $Text) { Write-Host ''; Write-Host $Text -ForegroundColor Cyan }

$emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
try {
    Write-Heading "1. Started the local MRS emulator at $($emulator.Url)"
    Write-Host '   It stands in for Huawei Cloud IAM and MRS, and enforces the documented API rules.'

    Import-Module (Join-Path $ModulePath 'MrsJobs.psd1') -Force
    Write-Heading '2. Connect-MrsProject: sign in to IAM as demo-user of account demo-account, region cn-north-4'
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))
    $session = Connect-MrsProject -Credential $credential -DomainName 'demo-account' -Region 'cn-north-4' `
        -Endpoint $emulator.Url -IamEndpoint $emulator.Url -PassThru
    $session | Format-List Region, ProjectId, AuthMethod, UserName, Endpoint, ExpiresAt | Out-String | Write-Host

    # The emulator runs each job for a moment; the daily report will fail, as a real one might.
    $null = Invoke-MrsEmulatorControl -Url $emulator.Url -Method Post -Path 'job-plans' -Body @{ job_name = 'daily-report'; result = 'FAILED' }
    $rows = @(Import-Csv $CsvPath)
    Write-Heading "3. Import-Csv $(Split-Path $CsvPath -Leaf) | New-MrsJobExecution -ThrottleLimit 8 -JournalPath demo.journal   ($($rows.Count) rows)"
    $journal = Join-Path ([System.IO.Path]::GetTempPath()) "mrsjobs-demo-$PID.journal"
    $results = @($rows | New-MrsJobExecution -ThrottleLimit 8 -JournalPath $journal -ErrorVariable refused -ErrorAction SilentlyContinue)
    $results | Format-Table | Out-String | Write-Host
    # Run it again with the same journal, as a restarted runbook would: nothing is sent twice.
    $before = @(Invoke-MrsEmulatorControl -Url $emulator.Url -Method Get -Path 'requests' | Where-Object method -eq 'POST').Count
    $again = @($rows | New-MrsJobExecution -ThrottleLimit 8 -JournalPath $journal -ErrorAction SilentlyContinue)
    $after = @(Invoke-MrsEmulatorControl -Url $emulator.Url -Method Get -Path 'requests' | Where-Object method -eq 'POST').Count
    Write-Host "   Again with the same journal: $($again.Count) results, all with Origin '$(@($again.Origin | Sort-Object -Unique) -join ',')', and $($after - $before) new submissions."
    Remove-Item $journal -ErrorAction SilentlyContinue

    Write-Heading "4. $($results.Count) jobs submitted, $($refused.Count) row(s) refused before anything was sent:"
    foreach ($record in $refused) {
        Write-Host "   [$($record.FullyQualifiedErrorId.Split(',')[0])] $record" -ForegroundColor Yellow
        if ($record.ErrorDetails -and $record.ErrorDetails.RecommendedAction) {
            Write-Host "   Hint: $($record.ErrorDetails.RecommendedAction)"
        }
    }

    $posts = @(Invoke-MrsEmulatorControl -Url $emulator.Url -Method Get -Path 'requests' | Where-Object path -like '/v2/*')
    Write-Heading "5. The emulator received $($posts.Count) job submissions (one per good row, none for the bad one). The first body:"
    Write-Host "   $($posts[0].body -replace '"fs\.obs\.(access|secret)\.key":"[^"]*"', '"fs.obs.$1.key":"…"')"
    Write-Host '   (the demo hides the OBS key values here; -Verbose/-Debug output of the module always does)'

    if ($results.Count -ne $rows.Count - $refused.Count) { throw 'Some rows were neither submitted nor reported.' }

    $resultsCsv = Join-Path ([System.IO.Path]::GetTempPath()) "mrsjobs-demo-results-$PID.csv"
    Write-Heading "6. ... | Wait-MrsJobExecution -PollingInterval 1 | Export-Csv $resultsCsv"
    $ended = @($results | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failed -ErrorAction SilentlyContinue)
    $ended | Export-Csv $resultsCsv
    $ended | Format-Table JobName, JobType, State, Result, Succeeded, Elapsed -AutoSize | Out-String | Write-Host
    foreach ($record in $failed) { Write-Host "   [$($record.FullyQualifiedErrorId.Split(',')[0])] $record" -ForegroundColor Yellow }
    Write-Host "   FINISHED is not success: the verdict is Result. $((Import-Csv $resultsCsv).Count) final states are in the CSV."
    Remove-Item $resultsCsv

    Write-Heading '7. Get-MrsJobSqlResult: the rows of the SparkSql job sales-by-region'
    $results | Where-Object JobName -eq 'sales-by-region' | Get-MrsJobSqlResult | Format-Table | Out-String | Write-Host

    Write-Heading '8. Stop-MrsJobExecution -Force on a runaway job, then Remove-MrsJobExecution of everything that ended'
    $null = Invoke-MrsEmulatorControl -Url $emulator.Url -Method Post -Path 'job-plans' -Body @{ job_name = 'runaway'; running_ms = 3600000 }
    $runaway = New-MrsJobExecution -ClusterId $rows[0].cluster_id -JobName runaway -JobType MapReduce
    $runaway | Stop-MrsJobExecution -Force -PassThru | Format-Table JobName, State, Result -AutoSize | Out-String | Write-Host
    $all = @(Get-MrsJobExecution -ClusterId $rows[0].cluster_id)
    $all | Remove-MrsJobExecution -Force
    Write-Host "   Listed $($all.Count) jobs and deleted them in one batch; $(@(Get-MrsJobExecution -ClusterId $rows[0].cluster_id).Count) left."

    Write-Heading '9. Disconnect, then connect with an access key from HUAWEICLOUD_SDK_AK/SK, as the SDKs read it'
    Disconnect-MrsProject
    $env:HUAWEICLOUD_SDK_AK = 'DEMOACCESSKEY0000001'
    $env:HUAWEICLOUD_SDK_SK = 'demo-secret-key-of-the-emulator-0001'
    try {
        Connect-MrsProject -Region 'cn-north-4' -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Verbose 4>&1 |
            Where-Object { $_.Message -like 'Using*' } | ForEach-Object { Write-Host "   VERBOSE: $($_.Message)" }
    }
    finally {
        Remove-Item Env:HUAWEICLOUD_SDK_AK, Env:HUAWEICLOUD_SDK_SK
    }
    Get-MrsSession | Format-List Region, ProjectId, AuthMethod, CredentialSource, Endpoint | Out-String | Write-Host
    $signed = New-MrsJobExecution -ClusterId $rows[0].cluster_id -JobName signed-with-aksk -JobType MapReduce
    Write-Host "   Submitted $($signed.JobId) with an SDK-HMAC-SHA256 signature instead of a token."
}
finally {
    Stop-MrsEmulator $emulator
    Write-Heading '10. Stopped the emulator.'
}
