#Requires -Version 7.0
# Wait-MrsJobExecution at scale: a round lists a cluster's jobs in pages instead of reading each job, shows the
# jobs of clusters with only a few, and falls back to a show for a job the list no longer holds.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Add-TestJobBatch([int] $Count, [string] $Name, [string] $ClusterId, [int] $IntervalMs = 1) {
        Add-EmulatorJob -Count $Count -JobName $Name -ClusterId $ClusterId -Extra @{ interval_ms = $IntervalMs } |
            ForEach-Object { [pscustomobject]@{ JobId = $_; ClusterId = $ClusterId } }
    }
}

Describe 'Wait-MrsJobExecution at scale' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'scale-ok-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 5000 }
        Add-EmulatorJobPlan -JobName 'scale-bad-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 3000; result = 'FAILED'; final_state = 'FAILED' }
        Add-EmulatorJobPlan -JobName 'scale-slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
    }

    It 'waits for 300 jobs on one cluster with a few list pages a round, each job ending with its own final state' {
        # Ends staggered over ~5 s: 250 jobs submitted 20 ms apart run 5 s each; 40 fail after 3 s; 10 were killed.
        $full = @(Add-TestJobBatch 250 'scale-ok-{n}' $seed.FullCluster -IntervalMs 20) +
            @(Add-TestJobBatch 40 'scale-bad-{n}' $seed.FullCluster -IntervalMs 50) +
            @(Add-TestJobBatch 10 'scale-slow-{n}' $seed.FullCluster)
        $full[-10..-1] | Stop-MrsJobExecution -Force
        $hadoop = @(Add-TestJobBatch 4 'scale-ok-h{n}' $seed.HadoopCluster -IntervalMs 500)
        $noHive = @(Add-TestJobBatch 2 'scale-ok-n{n}' $seed.NoHiveCluster)
        Clear-EmulatorRequest

        $ended = @($full + $hadoop + $noHive | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $ended.Count | Should -Be 306
        @($ended.JobId | Sort-Object -Unique).Count | Should -Be 306
        $truth = @{}; Get-EmulatorJob | ForEach-Object { $truth[$_.job_id] = "$($_.job_state)/$($_.job_result)" }
        foreach ($job in $ended) { "$($job.State)/$($job.Result)" | Should -Be $truth[$job.JobId] -Because $job.JobName }
        @($ended | Where-Object Succeeded).Count | Should -Be 256
        $ids = $failures | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Group-Object -NoElement | Sort-Object Name
        "$($ids | ForEach-Object { "$($_.Name)=$($_.Count)" })" | Should -Be 'MrsJobFailed=40 MrsJobKilled=10'

        # Per round: the full cluster's 300 jobs in at most 3 pages, the Hadoop cluster's 4 in one page (or shows once
        # fewer than 3 are left), the other cluster's 2 shown: at most 6 requests, where reading each job took 306.
        # The session's first list longer than a page also asks offset=0 once, to learn what offset counts (see
        # Get-MrsJobExecution); that probe is counted apart, and happens once in the whole wait.
        $rounds = Get-MrsEmulatorReadRound -Url (Get-EmulatorUrl)
        $probes = @($rounds | ForEach-Object { $_ } | Where-Object { $_.query -match '(^|&)offset=0(&|$)' })
        $probes.Count | Should -BeLessOrEqual 1
        $rounds.Count | Should -BeGreaterOrEqual 3
        foreach ($round in $rounds) { @($round | Where-Object { $_ -notin $probes }).Count | Should -BeLessOrEqual 6 }
        $first = @($rounds[0] | Where-Object { $_ -notin $probes })
        @($first | Where-Object { $_.path -like "*/clusters/$($seed.FullCluster)/job-executions" }).Count | Should -Be 3
        @($first | Where-Object { $_.path -like "*/clusters/$($seed.HadoopCluster)/job-executions" }).Count | Should -Be 1
        @($first | Where-Object { $_.path -like "*/clusters/$($seed.NoHiveCluster)/job-executions/*" }).Count | Should -Be 2
    }

    It 'shows a job deleted from the list mid-wait once, and reports it gone while the others end' {
        $full = @(Add-TestJobBatch 120 'scale-ok-{n}' $seed.FullCluster -IntervalMs 40) + @(Add-TestJobBatch 1 'scale-slow-gone' $seed.FullCluster)
        $gone = $full[-1]
        Clear-EmulatorRequest
        $wait = Start-BackgroundCommand -ArgumentList (, $full) -ScriptBlock {
            param($Jobs)
            $Jobs | Wait-MrsJobExecution -PollingInterval 2 -ErrorAction SilentlyContinue -ErrorVariable +global:waitFailures
            $global:waitFailures | ForEach-Object { [pscustomobject]@{ ErrorId = $_.FullyQualifiedErrorId; JobId = $_.TargetObject.JobId } }
        }
        try {
            # Right after the first round's pages (2 of them), before the next round 2 s later.
            Wait-TestCondition -TimeoutSec 15 -Because 'the first round' -Condition {
                @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions' }).Count -ge 2
            }
            $gone | Stop-MrsJobExecution -Force
            $gone | Remove-MrsJobExecution -Force
            Wait-TestCondition -TimeoutSec 25 -Because 'the wait to end' -Condition { $wait.Handle.IsCompleted }
            $wait.Shell.EndInvoke($wait.Handle)
        }
        finally {
            Stop-BackgroundCommand $wait
        }

        $ended = @($wait.Output | Where-Object { $_ -is [MrsJobs.Core.Models.JobExecution] })
        $errors = @($wait.Output | Where-Object { $_ -isnot [MrsJobs.Core.Models.JobExecution] -and $_.PSObject.Properties.Name -contains 'ErrorId' })
        $ended.Count | Should -Be 121
        ($ended | Where-Object JobId -NE $gone.JobId).Result | Sort-Object -Unique | Should -Be 'SUCCEEDED'
        $goneLine = @($ended | Where-Object JobId -EQ $gone.JobId)
        $goneLine.Count | Should -Be 1
        $goneLine[0].State | Should -Be 'RUNNING'
        $goneLine[0].ErrorId | Should -Be 'MrsApiError.0176'
        $errors.Count | Should -Be 1
        $errors[0].ErrorId | Should -BeLike 'MrsApiError.0176,*'
        $errors[0].JobId | Should -Be $gone.JobId
        $goneShows = @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like "*/job-executions/$($gone.JobId)" })
        $goneShows.Count | Should -Be 1
        foreach ($round in (Get-MrsEmulatorReadRound -Url (Get-EmulatorUrl))) { @($round | Where-Object { $_.query -notmatch '(^|&)offset=0(&|$)' }).Count | Should -BeLessOrEqual 3 }
    }
}
