#Requires -Version 7.0
# Wait-MrsJobExecution keeps one line per input row also for the jobs whose end it does not see: a job deleted
# mid-wait, a timeout before the first read, an expired session, -FailFast. Each such line carries the job's last
# state (or, never read, what its input row said) and the error written for it in ErrorId and Error.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function New-RowsCsv {
        New-JobCsv 'rows.csv' @(
            'cluster_id,job_name,job_type,arguments'
            "$($seed.FullCluster),rows-ok-1,MapReduce,obs://b/wc.jar"
            "$($seed.FullCluster),rows-slow-2,SparkSubmit,obs://b/etl.jar"
            "$($seed.FullCluster),rows-ok-3,HiveSql,SELECT 1"
        )
    }
}

Describe 'One line per input row, also for the jobs the wait stops following' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'rows-ok-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 3000 }
        Add-EmulatorJobPlan -JobName 'rows-slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
        Add-EmulatorJobPlan -JobName 'rows-fails-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 200; result = 'FAILED'; final_state = 'FAILED' }
        $out = Join-Path $TestDrive 'results.csv'
    }

    It 'keeps the line of a job deleted mid-wait: its last state, with the 0176 error''s id and message' {
        $submitted = @(Import-Csv (New-RowsCsv) | New-MrsJobExecution)
        $gone = $submitted[1]
        Clear-EmulatorRequest
        $wait = Start-BackgroundCommand -ArgumentList $submitted, $out -ScriptBlock {
            param($Jobs, $Out)
            $Jobs | Wait-MrsJobExecution -PollingInterval 1 -Timeout 30 -ErrorAction SilentlyContinue -ErrorVariable +global:waitFailures | Export-Csv $Out
            $global:waitFailures | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }
        }
        try {
            Wait-TestCondition -TimeoutSec 15 -Because 'the first round' -Condition {
                @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions*' }).Count -ge 1
            }
            $gone | Stop-MrsJobExecution -Force
            $gone | Remove-MrsJobExecution -Force
            Wait-TestCondition -TimeoutSec 25 -Because 'the wait to end' -Condition { $wait.Handle.IsCompleted }
            $wait.Shell.EndInvoke($wait.Handle)
        }
        finally {
            Stop-BackgroundCommand $wait
        }

        $rows = @(Import-Csv $out | Sort-Object { [int] $_.Row })
        $rows.Row | Should -Be @('1', '2', '3')
        $rows.JobId | Should -Be $submitted.JobId
        $rows[1].State | Should -Be 'RUNNING' -Because 'its last state as read before it was deleted'
        $rows[1].JobName | Should -Be 'rows-slow-2'
        $rows[1].ErrorId | Should -Be 'MrsApiError.0176'
        $rows[1].Error | Should -BeLike "Job $($gone.JobId): *"
        $rows[0].Result, $rows[2].Result | Should -Be @('SUCCEEDED', 'SUCCEEDED')
        $rows[0].ErrorId, $rows[2].ErrorId | Should -Be @('', '')
        @($wait.Output) | Should -Be @('MrsApiError.0176')
    }

    It 'gives each job a line from its input row when the timeout passes before the first read' {
        $submitted = @(Import-Csv (New-RowsCsv) | New-MrsJobExecution)
        Clear-EmulatorRequest

        $submitted | Wait-MrsJobExecution -Timeout 0 -ErrorVariable failures -ErrorAction SilentlyContinue | Export-Csv $out

        @(Get-EmulatorRequest | Where-Object method -EQ 'GET').Count | Should -Be 0
        $rows = @(Import-Csv $out)
        $rows.Row | Should -Be @('1', '2', '3')
        $rows.JobId | Should -Be $submitted.JobId
        $rows.JobName | Should -Be @('rows-ok-1', 'rows-slow-2', 'rows-ok-3')
        $rows.Origin | Sort-Object -Unique | Should -Be 'Submitted'
        $rows.ClusterId | Sort-Object -Unique | Should -Be $seed.FullCluster
        $rows.State | Sort-Object -Unique | Should -Be ''
        $rows.ErrorId | Sort-Object -Unique | Should -Be 'MrsJobWaitTimeout'
        $rows[1].Error | Should -Be "$($failures[1])"
        $failures.Count | Should -Be 3
    }

    It 'gives every job still waited for a line with its last state and the error when the session expires' {
        $submitted = @(
            New-MrsJobExecution -ClusterId $seed.FullCluster -JobName rows-slow-1 -JobType MapReduce
            New-MrsJobExecution -ClusterId $seed.FullCluster -JobName rows-slow-2 -JobType MapReduce
        )
        $url = Get-EmulatorUrl
        $token = New-EmulatorToken -LifetimeSeconds 3
        Connect-MrsProject -Token $token.token -Endpoint $url -IamEndpoint $url   # a bare token: it cannot renew itself

        $submitted | Wait-MrsJobExecution -PollingInterval 1 -Timeout 30 -ErrorVariable failures -ErrorAction SilentlyContinue | Export-Csv $out

        $rows = @(Import-Csv $out)
        $rows.JobId | Should -Be $submitted.JobId
        $rows.JobName | Should -Be @('rows-slow-1', 'rows-slow-2')
        $rows.State | Should -Be @('RUNNING', 'RUNNING') -Because 'both were read before the token expired'
        $rows.ErrorId | Should -Be @('MrsSessionExpired', 'MrsSessionExpired')
        ($failures | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('MrsSessionExpired', 'MrsSessionExpired')
    }

    It 'with -FailFast gives the jobs no longer followed a line with their last state and no error' {
        $csv = New-JobCsv 'failfast.csv' @(
            'cluster_id,job_name,job_type,arguments'
            "$($seed.FullCluster),rows-slow-1,MapReduce,obs://b/wc.jar"
            "$($seed.FullCluster),rows-fails-2,HiveSql,SELECT 1"
            "$($seed.FullCluster),rows-slow-3,SparkSubmit,obs://b/etl.jar"
        )
        $submitted = @(Import-Csv $csv | New-MrsJobExecution)

        $submitted | Wait-MrsJobExecution -PollingInterval 1 -Timeout 30 -FailFast -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue |
            Export-Csv $out

        $rows = @(Import-Csv $out | Sort-Object { [int] $_.Row })
        $rows.Row | Should -Be @('1', '2', '3')
        $rows.JobId | Should -Be $submitted.JobId
        "$($rows.State)" | Should -Be 'RUNNING FAILED RUNNING'
        $rows.ErrorId | Should -Be @('', 'MrsJobFailed', '')
        $rows[1].Error | Should -Match "job 'rows-fails-2' \(.+\) ended FAILED"
        @($failures).Count | Should -Be 1
        "$($warned[0])" | Should -Be 'Stopped waiting at the first failure (-FailFast): 2 job(s) had not ended; they go on running.'
    }
}
