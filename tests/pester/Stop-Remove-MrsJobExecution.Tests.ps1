#Requires -Version 7.0
# Stop-MrsJobExecution and Remove-MrsJobExecution: ShouldProcess, -Force, refusals, batches.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Get-KillRequest { @(Get-EmulatorRequest | Where-Object { $_.path -like '*/kill' }) }
    function Get-DeleteRequest { @(Get-EmulatorRequest | Where-Object { $_.path -like '*/batch-delete' }) }
    function Get-DeletedIdList($Request) { , @((ConvertFrom-RequestBody $Request).job_id_list) }
}

Describe 'Stop-MrsJobExecution' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
        Add-EmulatorJobPlan -JobName 'quick-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0 }
    }

    It 'kills a running job with -Force and, with -PassThru, writes its state after the stop' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-1 -JobType SparkSubmit

        $stopped = $job | Stop-MrsJobExecution -Force -PassThru

        $stopped.State | Should -Be 'KILLED'
        $stopped.Result | Should -Be 'KILLED'
        (Get-KillRequest).Count | Should -Be 1
        (Get-KillRequest)[0].method | Should -Be 'POST'
    }

    It 'sends nothing with -WhatIf, even with -Force, and needs no session for it' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-2 -JobType MapReduce

        $job | Stop-MrsJobExecution -Force -WhatIf
        Stop-MrsJobExecution -JobId x -ClusterId y -WhatIf -Session $null

        (Get-KillRequest).Count | Should -Be 0
    }

    It 'stops without -Force when confirmation is turned off' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-3 -JobType MapReduce

        $job | Stop-MrsJobExecution -Confirm:$false

        (Get-MrsJobExecution -JobId $job.JobId -ClusterId $seed.FullCluster).State | Should -Be 'KILLED'
    }

    It 'asks for confirmation by default (high impact), and a host that cannot ask sends nothing' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-4 -JobType MapReduce
        $result = Invoke-InNewRunspace -ArgumentList $job -ScriptBlock {
            param($Job)
            Connect-TestProject
            $Job | Stop-MrsJobExecution
        }

        ($result.Errors + @($result.Caught)).Where({ $_ }).Count | Should -BeGreaterThan 0
        (Get-KillRequest).Count | Should -Be 0
    }

    It 'says a job that already ended has nothing to stop, with how it ended' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName quick-1 -JobType MapReduce
        Start-Sleep -Milliseconds 300

        $job | Stop-MrsJobExecution -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsJobAlreadyEnded,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failures[0].ToString() | Should -Match "job 'quick-1' \($($job.JobId)\) already ended \(FINISHED, result SUCCEEDED"
        $failures[0].TargetObject.State | Should -Be 'FINISHED'
        $failures[0].Exception.InnerException.ErrorCode | Should -Be '0175'
    }

    It 'passes the service''s refusal on when the job is still running' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-6 -JobType MapReduce
        Add-EmulatorFault @{ count = 1; status = 500; error_code = '0175'; error_msg = 'Failed to terminate the job.'; shape = 'canonical'; operation = 'kill' }

        $job | Stop-MrsJobExecution -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.0175,*'
        $failures[0].TargetObject.State | Should -Be 'RUNNING'
        $failures[0].ToString() | Should -Match 'could not be stopped'
    }

    It 'names a job that does not exist and goes on with the next' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-5 -JobType MapReduce

        [pscustomobject]@{ JobId = 'no-such-job'; ClusterId = $seed.FullCluster }, $job |
            Stop-MrsJobExecution -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.0176,*'
        $failures[0].TargetObject | Should -Be 'no-such-job'
        (Get-MrsJobExecution -JobId $job.JobId -ClusterId $seed.FullCluster).State | Should -Be 'KILLED'
    }
}

Describe 'Remove-MrsJobExecution' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
        $past = @{ submitted_time = [datetimeoffset]::UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds() }
    }

    It 'deletes every job listed upstream, in batches of -BatchSize per cluster, once the listing has ended' {
        $null = Add-EmulatorJob -Count 120 -JobName 'old-{n}' -Extra $past

        Get-MrsJobExecution -ClusterId $seed.FullCluster | Remove-MrsJobExecution -Force -BatchSize 50

        $requests = Get-DeleteRequest
        $requests.Count | Should -Be 3
        ($requests | ForEach-Object { (Get-DeletedIdList $_).Count }) | Should -Be @(50, 50, 20)
        @(Get-MrsJobExecution -ClusterId $seed.FullCluster).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf and lists each job it would delete' {
        $ids = Add-EmulatorJob -Count 2 -JobName 'old-{n}' -Extra $past

        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        try { Get-MrsJobExecution -ClusterId $seed.FullCluster | Remove-MrsJobExecution -WhatIf } finally { $null = Stop-Transcript }
        $whatIf = Get-Content $transcript -Raw

        (Get-DeleteRequest).Count | Should -Be 0
        foreach ($id in $ids) { $whatIf | Should -Match $id }
    }

    It 'still deletes the others when the service refuses a batch for one job that is running' {
        $ended = Add-EmulatorJob -Count 3 -JobName 'old-{n}' -Extra $past
        $running = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-1 -JobType MapReduce

        @($ended | ForEach-Object { [pscustomobject]@{ JobId = $_; ClusterId = $seed.FullCluster } }) + $running |
            Remove-MrsJobExecution -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.0161,*'
        $failures[0].TargetObject | Should -Be $running.JobId
        $failures[0].ToString() | Should -Match 'stop the job first'
        @(Get-MrsJobExecution -ClusterId $seed.FullCluster).JobId | Should -Be @($running.JobId)
        (Get-DeleteRequest).Count | Should -Be 5
    }

    It 'reports each job of a batch the service refused for every job' {
        $ids = Add-EmulatorJob -Count 2 -JobName 'old-{n}' -Extra $past

        $ids | ForEach-Object { [pscustomobject]@{ JobId = $_; ClusterId = 'no-such-cluster' } } |
            Remove-MrsJobExecution -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 2
        $failures.TargetObject | Should -Be $ids
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MrsApiError.12000003,*' }
    }
}
