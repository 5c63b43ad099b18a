#Requires -Version 7.0
# Wait-MrsJobExecution: polling a batch of jobs to their end, outcomes, the timeout, Ctrl+C, polling cost.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Get-ShowRequest([string] $JobId) {
        @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like "*/job-executions/$JobId" })
    }
}

Describe 'Wait-MrsJobExecution' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'ok-*' -Plan @{ new_ms = 0; accepted_ms = 100; running_ms = 800 }
        Add-EmulatorJobPlan -JobName 'app-fails-*' -Plan @{ new_ms = 0; accepted_ms = 100; running_ms = 600; result = 'FAILED' }
        Add-EmulatorJobPlan -JobName 'job-fails-*' -Plan @{ new_ms = 0; accepted_ms = 100; running_ms = 400; result = 'FAILED'; final_state = 'FAILED' }
        Add-EmulatorJobPlan -JobName 'slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
    }

    It 'takes a CSV''s submissions and ends with their final states in a CSV' {
        $results = Join-Path $TestDrive 'results.csv'
        $jobs = New-JobCsv 'jobs.csv' @(
            'cluster_id,job_name,job_type,arguments,properties'
            "$($seed.FullCluster),ok-wordcount,MapReduce,obs://b/wc.jar obs://b/in obs://b/out,mapreduce.job.reduces=2"
            "$($seed.FullCluster),ok-spark,SparkSubmit,--class org.example.Etl obs://b/etl.jar,spark.yarn.queue=etl;fs.obs.secret.key=S3cr3t-Value"
            "$($seed.FullCluster),ok-hive,HiveScript,obs://b/report.sql,"
        )

        Import-Csv $jobs | New-MrsJobExecution | Wait-MrsJobExecution -PollingInterval 1 | Export-Csv $results

        $rows = @(Import-Csv $results)
        $rows.JobName | Sort-Object | Should -Be @('ok-hive', 'ok-spark', 'ok-wordcount')
        $rows.State | Sort-Object -Unique | Should -Be 'FINISHED'
        $rows.Result | Sort-Object -Unique | Should -Be 'SUCCEEDED'
        $rows.Succeeded | Sort-Object -Unique | Should -Be 'True'
        ($rows | Where-Object JobName -eq 'ok-spark').Queue | Should -Be 'etl'
        Get-Content $results -Raw | Should -Not -Match 'S3cr3t-Value'
    }

    It 'writes every job''s final state and an error for each job that failed or was killed' {
        $submitted = @(
            New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-1 -JobType MapReduce
            New-MrsJobExecution -ClusterId $seed.FullCluster -JobName app-fails-1 -JobType SparkSubmit
            New-MrsJobExecution -ClusterId $seed.FullCluster -JobName job-fails-1 -JobType HiveSql
            New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-1 -JobType MapReduce
        )
        $submitted[3] | Stop-MrsJobExecution -Force

        $ended = @($submitted | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $ended.Count | Should -Be 4
        $byName = @{}; $ended | ForEach-Object { $byName[$_.JobName] = $_ }
        "$($byName['ok-1'].State)/$($byName['ok-1'].Result)" | Should -Be 'FINISHED/SUCCEEDED'
        "$($byName['app-fails-1'].State)/$($byName['app-fails-1'].Result)" | Should -Be 'FINISHED/FAILED'
        "$($byName['job-fails-1'].State)/$($byName['job-fails-1'].Result)" | Should -Be 'FAILED/FAILED'
        "$($byName['slow-1'].State)/$($byName['slow-1'].Result)" | Should -Be 'KILLED/KILLED'
        $byName['app-fails-1'].Succeeded | Should -BeFalse
        # Each line carries the error written for its job, so that a CSV of the results explains itself.
        $byName['ok-1'].ErrorId | Should -BeNullOrEmpty
        "$($byName['app-fails-1'].ErrorId) $($byName['job-fails-1'].ErrorId) $($byName['slow-1'].ErrorId)" | Should -Be 'MrsJobFailed MrsJobFailed MrsJobKilled'

        $failures.Count | Should -Be 3
        $ids = $failures | ForEach-Object { "$($_.TargetObject.JobName)=$(($_.FullyQualifiedErrorId -split ',')[0])" } | Sort-Object
        $ids | Should -Be @('app-fails-1=MrsJobFailed', 'job-fails-1=MrsJobFailed', 'slow-1=MrsJobKilled')
        ($failures | Where-Object { $_.TargetObject.JobName -eq 'app-fails-1' }).ToString() | Should -Match 'ended FINISHED with result FAILED'
        ($failures | Where-Object { $_.TargetObject.JobName -eq 'slow-1' }).CategoryInfo.Category | Should -Be 'OperationStopped'
        $byName['app-fails-1'].Error | Should -Be "$($failures | Where-Object { $_.TargetObject.JobName -eq 'app-fails-1' })"
    }

    It 'gives one MrsJobWaitTimeout error per job still running at the timeout, with its last state' {
        $slow = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-2 -JobType MapReduce
        $quick = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-2 -JobType MapReduce
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $ended = @($slow, $quick | Wait-MrsJobExecution -PollingInterval 1 -Timeout 3 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
        $ended.JobName | Should -Be @('ok-2', 'slow-2')
        $ended[1].State | Should -Be 'RUNNING'
        $ended[1].ErrorId | Should -Be 'MrsJobWaitTimeout'
        $ended[0].ErrorId | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsJobWaitTimeout,*'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject.JobId | Should -Be $slow.JobId
        $failures[0].ToString() | Should -Match 'did not end within 3 seconds; it was RUNNING'
    }

    It 'reads each job at most once per polling interval, one request at a time' {
        $jobs = @(1..5 | ForEach-Object { New-MrsJobExecution -ClusterId $seed.FullCluster -JobName "ok-load-$_" -JobType MapReduce }) +
            @(1..2 | ForEach-Object { New-MrsJobExecution -ClusterId $seed.HadoopCluster -JobName "ok-load-$_" -JobType MapReduce })
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $null = $jobs | Wait-MrsJobExecution -PollingInterval 1

        $seconds = $clock.Elapsed.TotalSeconds
        foreach ($job in $jobs) {
            # A job is read by a show of it, or by a list of its cluster's jobs.
            $lists = @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like "*/clusters/$($job.ClusterId)/job-executions" })
            ((Get-ShowRequest $job.JobId).Count + $lists.Count) | Should -BeLessOrEqual ([math]::Floor($seconds) + 1)
        }
    }

    It 'spreads a round over many requests: at most 10 reads a second in all, list pages too' {
        $jobs = Add-EmulatorJob -Count 450 -JobName 'slow-many-{n}' | ForEach-Object { [pscustomobject]@{ JobId = $_; ClusterId = $seed.FullCluster } }
        $jobs += 1..2 | ForEach-Object { New-MrsJobExecution -ClusterId $seed.HadoopCluster -JobName "slow-few-$_" -JobType MapReduce }
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $null = $jobs | Wait-MrsJobExecution -PollingInterval 1 -Timeout 2 -ErrorVariable failures -ErrorAction SilentlyContinue

        $reads = @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions*' })
        $reads.Count | Should -BeLessOrEqual ([math]::Floor($clock.Elapsed.TotalSeconds * 10) + 1)
        $reads.Count | Should -BeGreaterOrEqual 7   # a round: 5 pages and 2 shows
        $failures.Count | Should -Be 452
    }

    It 'waits out throttled reads, backing off, and still writes the job''s end' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-throttled -JobType MapReduce
        Add-EmulatorFault @{ count = 2; status = 429; error_code = 'APIGW.0308'; error_msg = 'The throttling threshold has been reached.'; shape = 'apig'; operation = 'show' }

        $ended = @($job | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failures -Verbose 4>&1)
        $verbose = @($ended | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"

        $failures.Count | Should -Be 0
        @($ended | Where-Object { $_ -is [MrsJobs.Core.Models.JobExecution] }).Result | Should -Be 'SUCCEEDED'
        $verbose | Should -Match 'trying again in the next round'
        $reads = @(Get-ShowRequest $job.JobId)
        $reads.status | Should -Be @(429, 429, 202)
        # The pause after a throttled round doubles: 2 s, then 4 s.
        ($reads[1].received_at - $reads[0].received_at) | Should -BeGreaterOrEqual 1900
        ($reads[2].received_at - $reads[1].received_at) | Should -BeGreaterOrEqual 3900
    }

    It 'gives up on a job after three service errors in a row, with the service''s error' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-broken-reads -JobType MapReduce
        Add-EmulatorFault @{ count = 3; status = 500; error_code = '0173'; error_msg = 'Internal error.'; shape = 'canonical'; operation = 'show' }

        $ended = @($job | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        # Its line: never read, so what its row said, with the error.
        $ended.Count | Should -Be 1
        $ended[0].JobId | Should -Be $job.JobId
        $ended[0].JobName | Should -Be 'ok-broken-reads'
        $ended[0].State | Should -BeNullOrEmpty
        $ended[0].ErrorId | Should -Be 'MrsApiError.0173'
        $ended[0].Error | Should -Be "$($failures[0])"
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.0173,*'
        @(Get-ShowRequest $job.JobId).Count | Should -Be 3
    }

    It 'follows a job given twice only once' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-twice -JobType MapReduce

        $ended = @($job, $job | Wait-MrsJobExecution -PollingInterval 1)

        $ended.Count | Should -Be 1
    }

    It 'reports a job that does not exist and waits for the others' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-3 -JobType MapReduce
        $ghost = [pscustomobject]@{ JobId = 'no-such-job'; ClusterId = $seed.FullCluster }

        $ended = @($ghost, $job | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $ended.JobId | Should -Be @('no-such-job', $job.JobId)
        $ended[0].ErrorId | Should -Be 'MrsApiError.0176'
        $ended[1].JobName | Should -Be 'ok-3'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.0176,*'
        @(Get-ShowRequest 'no-such-job').Count | Should -Be 1
    }

    It 'shows progress for the batch and for each job' {
        $result = Invoke-InNewRunspace -ArgumentList $env:MRSJOBS_TEST_EMULATOR, $seed.FullCluster -ScriptBlock {
            param($Url, $Cluster)
            Connect-TestProject
            $ProgressPreference = 'Continue'
            1..2 | ForEach-Object { New-MrsJobExecution -ClusterId $Cluster -JobName "ok-progress-$_" -JobType MapReduce } |
                Wait-MrsJobExecution -PollingInterval 1
        }

        $result.Output.Count | Should -Be 2
        $batch = @($result.Progress | Where-Object ParentActivityId -eq -1)
        $batch.Activity | Sort-Object -Unique | Should -Be 'Waiting for MRS jobs'
        $batch.StatusDescription | Should -Contain '0 of 2 ended, 00:00:00 elapsed, timeout 01:00:00'
        $children = @($result.Progress | Where-Object ParentActivityId -eq $batch[0].ActivityId)
        $children.Activity | Sort-Object -Unique | Should -HaveCount 2
        $children | Where-Object RecordType -eq 'Completed' | Should -HaveCount 2
        $batch[-1].RecordType | Should -Be 'Completed'
    }

    It 'stops at once when the pipeline is stopped (Ctrl+C), even mid-pause' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-3 -JobType MapReduce
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($ModulePath, $Url, $Job)
                    Import-Module (Join-Path $ModulePath 'MrsJobs.psd1')
                    $password = ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force
                    Connect-MrsProject -Credential ([pscredential]::new('demo-user', $password)) -DomainName demo-account -Region cn-north-4 -Endpoint $Url -IamEndpoint $Url
                    $Job | Wait-MrsJobExecution -PollingInterval 60 -Timeout -1
                }).AddArgument($env:MRSJOBS_TEST_MODULE).AddArgument($env:MRSJOBS_TEST_EMULATOR).AddArgument($job)
            $running = $shell.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(20)
            while (@(Get-ShowRequest $job.JobId).Count -eq 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            @(Get-ShowRequest $job.JobId).Count | Should -Be 1
            $clock = [Diagnostics.Stopwatch]::StartNew()

            $shell.Stop()

            $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
            $running.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $shell.Dispose()
        }
    }
}
