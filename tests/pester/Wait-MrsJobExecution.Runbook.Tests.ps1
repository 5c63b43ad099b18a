#Requires -Version 7.0
# Wait-MrsJobExecution in a runbook: under $ErrorActionPreference = 'Stop' a failed job does not strand the others
# (every final state reaches the pipeline, then the first failure ends the command); -FailFast stops at the first
# failure; the progress bar and the failure advice.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $cmdletId = 'MrsJobs.Commands.WaitMrsJobExecutionCommand'

    # One job fails early, one late; two succeed after the early failure.
    function Add-RunbookPlan {
        Add-EmulatorJobPlan -JobName 'rb-fails-early' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 300; result = 'FAILED'; final_state = 'FAILED' }
        Add-EmulatorJobPlan -JobName 'rb-fails-late' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 4500; result = 'FAILED' }
        Add-EmulatorJobPlan -JobName 'rb-ok-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 3500 }
    }

    function New-RunbookCsv {
        New-JobCsv 'jobs.csv' @(
            'cluster_id,job_name,job_type,arguments'
            "$($seed.FullCluster),rb-ok-1,MapReduce,obs://b/wc.jar"
            "$($seed.FullCluster),rb-fails-early,HiveSql,-e SELECT 1"
            "$($seed.FullCluster),rb-ok-2,SparkSubmit,obs://b/etl.jar"
            "$($seed.FullCluster),rb-fails-late,SparkSubmit,obs://b/late.jar"
        )
    }

    function Invoke-RunbookProcess([string] $ResultPath, [switch] $FailFast) {
        $arguments = @('-EmulatorUrl', (Get-EmulatorUrl), '-CsvPath', (New-RunbookCsv), '-ResultPath', $ResultPath)
        if ($FailFast) { $arguments += '-FailFast' }
        Invoke-TestProcessReport -ScriptPath "$PSScriptRoot/fixtures/Invoke-Runbook.ps1" -ArgumentList $arguments
    }
}

Describe 'The runbook pattern: try { Import-Csv | New-MrsJobExecution | Wait-MrsJobExecution | Export-Csv } catch, under Stop' {

    BeforeAll {
        Reset-Emulator
        Connect-TestProject
        Add-RunbookPlan
        $results = Get-TestFilePath 'results.csv'
        $report = Invoke-RunbookProcess -ResultPath $results
        $rows = @(Import-Csv $results)
    }

    It 'writes every job''s final state to the CSV, the failed ones and those that ended after the first failure' {
        $rows.JobName | Sort-Object | Should -Be @('rb-fails-early', 'rb-fails-late', 'rb-ok-1', 'rb-ok-2')
        ($rows | Where-Object JobName -Like 'rb-ok-*').Result | Should -Be @('SUCCEEDED', 'SUCCEEDED')
        ($rows | Where-Object JobName -EQ 'rb-fails-early').State | Should -Be 'FAILED'
        ($rows | Where-Object JobName -EQ 'rb-fails-late').Result | Should -Be 'FAILED'
    }

    It 'then ends with the first failure, which the catch sees' {
        $report.ErrorId | Should -BeExactly "MrsJobFailed,$cmdletId"
        $report.JobName | Should -Be 'rb-fails-early'
        $report.Message | Should -Match "job 'rb-fails-early' \(.+\) ended FAILED with result FAILED"
    }

    It 'writes the later failures as warnings before it' {
        @($report.Warnings).Count | Should -Be 1
        @($report.Warnings)[0] | Should -BeLike "``[MrsJobFailed``] SparkSubmit job 'rb-fails-late'*ended FINISHED with result FAILED*"
    }
}

Describe 'The README''s Runbooks example, run as the README has it: a refused row and a failed job still give one results line per input row' {

    BeforeAll {
        Reset-Emulator
        Connect-TestProject
        Add-RunbookPlan
        $folder = Join-Path $TestDrive 'runbook'
        $null = New-Item -ItemType Directory $folder
        Set-Content -LiteralPath (Join-Path $folder 'jobs.csv') -Encoding utf8 -Value @(
            'cluster_id,job_name,job_type,arguments'
            "$($seed.FullCluster),rb-ok-1,MapReduce,obs://b/wc.jar"
            "$($seed.FullCluster),rb fails locally,MapReduce,obs://b/wc.jar"
            "$($seed.FullCluster),rb-fails-early,HiveSql,-e SELECT 1"
            "$($seed.FullCluster),rb-ok-2,SparkSubmit,obs://b/etl.jar"
        )
        $results = Join-Path $folder 'results.csv'
        $arguments = @('-EmulatorUrl', (Get-EmulatorUrl), '-ReadmePath', (Join-Path $PSScriptRoot '../../README.md'), '-WorkingDirectory', $folder)
        $report = Invoke-TestProcessReport -ScriptPath "$PSScriptRoot/fixtures/Invoke-RunbookEveryRow.ps1" -ArgumentList $arguments
        $rows = @(Import-Csv $results | Sort-Object { [int]$_.Row })
    }

    It 'writes one line per input row (in the order the jobs ended), joined back by Row' {
        $rows.Row | Should -Be @('1', '2', '3', '4')
        $rows.Origin | Should -Be @('Submitted', 'Invalid', 'Submitted', 'Submitted')
        ($rows | Where-Object Row -EQ 2).ErrorId | Should -Be 'InvalidJobDefinition.JobName'
        ($rows | Where-Object Row -EQ 2).JobId | Should -BeNullOrEmpty
    }

    It 'follows every job to its end although the second row was refused and the third job failed' {
        ($rows | Where-Object JobName -Like 'rb-ok-*').Result | Should -Be @('SUCCEEDED', 'SUCCEEDED')
        ($rows | Where-Object JobName -EQ 'rb-fails-early').State | Should -Be 'FAILED'
    }

    It 'then the catch sees the first failed job' {
        $report.ErrorId | Should -BeExactly "MrsJobFailed,$cmdletId"
        $report.Message | Should -Match "rb-fails-early"
    }
}

Describe 'Wait-MrsJobExecution -ErrorAction Stop, in this process' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-RunbookPlan
    }

    It 'holds the error of a job without a cluster id like a failure: the other jobs are still waited for' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName rb-ok-1 -JobType MapReduce
        $received = [System.Collections.Generic.List[object]]::new()

        $caught = try { [pscustomobject]@{ JobId = $job.JobId }, $job | Wait-MrsJobExecution -PollingInterval 1 -ErrorAction Stop | ForEach-Object { $received.Add($_) } } catch { $_ }

        # The job without a cluster id keeps its line too, with the error's id; its error comes at the end.
        $received.JobId | Should -Be @($job.JobId, $job.JobId)
        $received[0].ErrorId | Should -Be 'MrsClusterIdMissing'
        $received[0].State | Should -BeNullOrEmpty
        $received[1].JobName | Should -Be 'rb-ok-1'
        $received[1].Result | Should -Be 'SUCCEEDED'
        $caught.FullyQualifiedErrorId | Should -BeExactly "MrsClusterIdMissing,$cmdletId"
    }
}

Describe 'Wait-MrsJobExecution -FailFast' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-RunbookPlan
    }

    It 'under Stop ends the runbook at the first failure, with a line per row in the CSV: the jobs left running with their last state' {
        $results = Get-TestFilePath 'results-failfast.csv'

        $report = Invoke-RunbookProcess -ResultPath $results -FailFast

        $report.ErrorId | Should -BeExactly "MrsJobFailed,$cmdletId"
        $report.JobName | Should -Be 'rb-fails-early'
        $report.Seconds | Should -BeLessThan 3.5 -Because 'the runbook did not wait for the jobs that run 3.5 s'
        $rows = @(Import-Csv $results | Sort-Object { [int]$_.Row })
        $rows.JobName | Should -Be @('rb-ok-1', 'rb-fails-early', 'rb-ok-2', 'rb-fails-late')
        "$($rows.State)" | Should -Be 'RUNNING FAILED RUNNING RUNNING'
        $rows.ErrorId | Should -Be @('', 'MrsJobFailed', '', '')
        @($report.Warnings) | Should -Be @('Stopped waiting at the first failure (-FailFast): 3 job(s) had not ended; they go on running.')
        $running = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -JobName 'rb-ok-*' | Where-Object { -not $_.IsFinished })
        $running.Count | Should -Be 2 -Because 'the wait ended before the other jobs did; they go on running'
    }

    It 'under Continue stops waiting at the first failure and says how many jobs it left running' {
        $jobs = @(Import-Csv (New-RunbookCsv) | New-MrsJobExecution)

        $ended = @($jobs | Wait-MrsJobExecution -PollingInterval 1 -FailFast -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

        $ended.JobName | Should -Be @('rb-fails-early', 'rb-ok-1', 'rb-ok-2', 'rb-fails-late')
        $ended.State | Should -Be @('FAILED', 'RUNNING', 'RUNNING', 'RUNNING')
        $ended.ErrorId -join ',' | Should -Be 'MrsJobFailed,,,'
        $ended.Row | Should -Be @(2, 1, 3, 4)
        @($failures).Count | Should -Be 1
        "$($warned[0])" | Should -Be 'Stopped waiting at the first failure (-FailFast): 3 job(s) had not ended; they go on running.'
    }
}

Describe 'Wait-MrsJobExecution under Continue' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-RunbookPlan
    }

    It 'writes each failure as it happens, right after the failed job''s final state' {
        $jobs = @(Import-Csv (New-RunbookCsv) | New-MrsJobExecution)

        $stream = @($jobs | Wait-MrsJobExecution -PollingInterval 1 2>&1)

        $shown = $stream | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "error $($_.TargetObject.JobName)" } else { $_.JobName } }
        $shown | Should -Be @('rb-fails-early', 'error rb-fails-early', 'rb-ok-1', 'rb-ok-2', 'rb-fails-late', 'error rb-fails-late')
    }
}

Describe 'Wait-MrsJobExecution progress and advice' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
    }

    It 'shows how many jobs ended, the time elapsed and the timeout, and no time remaining' {
        Add-EmulatorJobPlan -JobName 'pg-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 1500 }
        $result = Invoke-InNewRunspace -ArgumentList $seed.FullCluster -ScriptBlock {
            param($Cluster)
            Connect-TestProject
            $ProgressPreference = 'Continue'
            $jobs = 1..2 | ForEach-Object { New-MrsJobExecution -ClusterId $Cluster -JobName "pg-$_" -JobType MapReduce }
            $jobs | Wait-MrsJobExecution -PollingInterval 1 -Timeout 3600
            $jobs | Wait-MrsJobExecution -PollingInterval 1 -Timeout -1
        }

        $batch = @($result.Progress | Where-Object { $_.ParentActivityId -eq -1 -and $_.RecordType -ne 'Completed' })
        $batch.StatusDescription | Should -Contain '0 of 2 ended, 00:00:00 elapsed, timeout 01:00:00'
        $batch.StatusDescription | Should -Contain '2 of 2 ended, 00:00:00 elapsed, no timeout'
        foreach ($status in $batch.StatusDescription) { $status | Should -Match '^\d of 2 ended, \d\d:\d\d:\d\d elapsed, (timeout 01:00:00|no timeout)$' }
        $batch.SecondsRemaining | Sort-Object -Unique | Should -Be -1
    }

    It 'names the failed job''s YARN application and tracking URL in its advice' {
        Add-EmulatorJobPlan -JobName 'yarn-fails' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 200; result = 'FAILED' }
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName yarn-fails -JobType SparkSubmit

        $ended = $job | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue

        $ended.AppId | Should -Match '^application_'
        $ended.TrackingUrl | Should -Not -BeNullOrEmpty
        $advice = $failures[0].ErrorDetails.RecommendedAction
        $advice | Should -Be "Read the YARN logs of application $($ended.AppId) to see why it failed (on the cluster: yarn logs -applicationId $($ended.AppId)), or open $($ended.TrackingUrl)."
    }
}
