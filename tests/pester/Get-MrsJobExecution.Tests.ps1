#Requires -Version 7.0
# Get-MrsJobExecution: one job from New-MrsJobExecution's output, and lists with filters and paging.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Get-ListRequest { @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions' }) }
    function Get-QueryValue($Request, [string] $Name) {
        foreach ($pair in $Request.query -split '&') {
            $key, $value = $pair -split '=', 2
            if ($key -eq $Name) { return [uri]::UnescapeDataString($value) }
        }
    }
}

Describe 'Get-MrsJobExecution' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
    }

    Context 'one job' {

        It 'reads the job New-MrsJobExecution submitted, bound from its output by property name' {
            $submitted = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName spark-pi -JobType SparkSubmit `
                -Arguments '--class', 'org.apache.spark.examples.SparkPi', 'obs://bucket/spark-examples.jar', '100' `
                -Properties ([ordered]@{ 'spark.executor.memory' = '2g'; 'fs.obs.secret.key' = 'S3cr3t-Value' })

            $job = $submitted | Get-MrsJobExecution

            $job | Should -BeOfType ([MrsJobs.Core.Models.JobExecution])
            $job.JobId | Should -Be $submitted.JobId
            $job.ClusterId | Should -Be $seed.FullCluster
            $job.JobName | Should -Be 'spark-pi'
            $job.State | Should -BeIn @('NEW', 'ACCEPTED', 'RUNNING', 'FINISHED')
            $job.SubmittedAt | Should -BeOfType ([MrsJobs.Core.Models.JobTime])
            $job.Arguments | Should -Be @('--class', 'org.apache.spark.examples.SparkPi', 'obs://bucket/spark-examples.jar', '100')
            $job.Properties['spark.executor.memory'] | Should -Be '2g'
            $job.Properties['fs.obs.secret.key'] | Should -Be '[redacted]'
            ($job | Out-String) + ($job | Format-List * | Out-String) | Should -Not -Match 'S3cr3t-Value'
        }

        It 'reads times as UTC JobTimes and elapsed time as a JobDuration once the job has ended' {
            Add-EmulatorJobPlan -JobName 'quick' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 200 }
            $submitted = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName quick -JobType MapReduce -Arguments 'obs://b/wc.jar'
            Start-Sleep -Milliseconds 600

            $job = $submitted | Get-MrsJobExecution

            $job.State | Should -Be 'FINISHED'
            $job.Result | Should -Be 'SUCCEEDED'
            $job.Succeeded | Should -BeTrue
            $job.IsFinished | Should -BeTrue
            $job.Progress | Should -Be 100
            $job.StartedAt | Should -BeOfType ([MrsJobs.Core.Models.JobTime])
            $job.StartedAt.Value.Offset | Should -Be ([timespan]::Zero)
            $job.FinishedAt | Should -BeGreaterThan $job.StartedAt
            $job.Elapsed | Should -BeOfType ([MrsJobs.Core.Models.JobDuration])
            $job.Elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 150
        }

        It 'gives MrsApiError.0176 for a job that does not exist, and goes on with the next' {
            $real = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName real -JobType MapReduce
            $input = @(
                [pscustomobject]@{ JobId = 'no-such-job'; ClusterId = $seed.FullCluster }
                $real
            )

            $jobs = @($input | Get-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue)

            $jobs.JobId | Should -Be @($real.JobId)
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.0176,*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'no-such-job'
            $failures[0].ToString() | Should -Match 'job no-such-job'
        }

        It 'binds job_id and cluster_id columns from a CSV' {
            $submitted = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName csv-read -JobType MapReduce
            $csv = Join-Path $TestDrive 'ids.csv'
            [pscustomobject]@{ job_id = $submitted.JobId; cluster_id = $seed.FullCluster } | Export-Csv $csv

            (Import-Csv $csv | Get-MrsJobExecution).JobName | Should -Be 'csv-read'
        }
    }

    Context 'lists' {

        It 'pages through every job of a cluster, more than three pages, newest first, each once' {
            $ids = Add-EmulatorJob -Count 350 -JobName 'bulk-{n}'

            $jobs = @(Get-MrsJobExecution -ClusterId $seed.FullCluster)

            $jobs.Count | Should -Be 350
            ($jobs.JobId | Sort-Object -Unique).Count | Should -Be 350
            $jobs[0].JobId | Should -Be $ids[-1]
            $jobs[-1].JobId | Should -Be $ids[0]
            $requests = Get-ListRequest
            $requests.Count | Should -Be 5
            # offset=0 asks once whether the first page is 0 (the sources disagree); refused, so it is 1.
            ($requests | ForEach-Object { Get-QueryValue $_ 'offset' }) | Should -Be @('1', '0', '2', '3', '4')
            ($requests | ForEach-Object { $_.status }) | Should -Be @(202, 400, 202, 202, 202)
            ($requests | ForEach-Object { Get-QueryValue $_ 'limit' } | Sort-Object -Unique) | Should -Be '100'
        }

        It 'works as well when the service counts offset in records, not pages' {
            Set-EmulatorSetting @{ list_offset_mode = 'record' }
            $null = Add-EmulatorJob -Count 350 -JobName 'bulk-{n}'

            $jobs = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -Verbose 4>&1)
            $verbose = $jobs | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $jobs = $jobs | Where-Object { $_ -is [MrsJobs.Core.Models.JobExecution] }

            $jobs.Count | Should -Be 350
            ($jobs.JobId | Sort-Object -Unique).Count | Should -Be 350
            ($verbose.Message -join "`n") | Should -Match 'counts offset in records'
            # 1, the offset=0 probe (refused), 2 (which shows jobs are counted), then pages overlapping by one job.
            (Get-ListRequest | ForEach-Object { Get-QueryValue $_ 'offset' }) | Should -Be @('1', '0', '2', '101', '200', '299')
        }

        It 'stops asking once -First jobs are written' {
            $null = Add-EmulatorJob -Count 250

            $jobs = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -First 3)

            $jobs.Count | Should -Be 3
            # Nothing is written before offset=0 has said whether offset=1 is the top of the list.
            (Get-ListRequest | ForEach-Object { Get-QueryValue $_ 'offset' }) | Should -Be @('1', '0')
        }

        It 'filters by name (exact, or wildcards in any case), state and result, on the service and again locally' {
            Add-EmulatorJobPlan -JobName 'fails-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0; result = 'FAILED' }
            $past = @{ submitted_time = [datetimeoffset]::UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds() }
            $null = Add-EmulatorJob -Count 3 -JobName 'daily-{n}' -Extra $past
            $null = Add-EmulatorJob -Count 2 -JobName 'fails-{n}' -Extra $past
            $null = Add-EmulatorJob -Count 1 -JobName 'daily-10-extra' -Extra $past

            @(Get-MrsJobExecution -ClusterId $seed.FullCluster -JobName 'daily-1').JobName | Should -Be @('daily-1')
            @(Get-MrsJobExecution -ClusterId $seed.FullCluster -JobName 'DAILY-?').Count | Should -Be 3
            @(Get-MrsJobExecution -ClusterId $seed.FullCluster -Result FAILED).JobName | Sort-Object | Should -Be @('fails-1', 'fails-2')
            @(Get-MrsJobExecution -ClusterId $seed.FullCluster -State finished -Result succeeded).Count | Should -Be 4
            $sent = Get-ListRequest
            Get-QueryValue $sent[0] 'job_name' | Should -Be 'daily-1'
            Get-QueryValue $sent[1] 'job_name' | Should -BeNullOrEmpty
            Get-QueryValue $sent[2] 'job_result' | Should -Be 'FAILED'
            Get-QueryValue $sent[3] 'job_state' | Should -Be 'FINISHED'
        }

        It 'asks for SparkPython jobs as SparkSubmit, the type the service lists them under' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName py -JobType SparkPython -Arguments 'obs://b/app.py'
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName mr -JobType MapReduce

            $jobs = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -JobType sparkpython)

            $jobs.JobName | Should -Be @('py')
            $jobs.JobType | Should -Be @('SparkSubmit')
            Get-QueryValue (Get-ListRequest)[0] 'job_type' | Should -Be 'SparkSubmit'
        }

        It 'sends the submission time window as UTC epoch milliseconds' {
            $now = [datetimeoffset]::UtcNow.ToUnixTimeMilliseconds()
            $null = Add-EmulatorJob -Count 1 -JobName 'old' -Extra @{ submitted_time = $now - 7200000 }
            $null = Add-EmulatorJob -Count 1 -JobName 'new' -Extra @{ submitted_time = $now - 60000 }
            $after = (Get-Date).AddHours(-1)

            $jobs = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -SubmittedAfter $after)

            $jobs.JobName | Should -Be @('new')
            Get-QueryValue (Get-ListRequest)[0] 'submitted_time_begin' | Should -Be ([datetimeoffset]$after).ToUnixTimeMilliseconds()
        }

        It 'refuses an unknown state before anything is sent, and completes states and results' {
            { Get-MrsJobExecution -ClusterId $seed.FullCluster -State DONE } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            (Get-ListRequest).Count | Should -Be 0

            $line = 'Get-MrsJobExecution -ClusterId x -State R'
            $states = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $states | Should -Be @('RUNNING')
            $line = 'Get-MrsJobExecution -ClusterId x -Result '
            $results = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $results | Should -Be @('UNDEFINED', 'SUCCEEDED', 'FAILED', 'KILLED')
        }

        It 'names the cluster when it does not exist' {
            $jobs = @(Get-MrsJobExecution -ClusterId 'no-such-cluster' -ErrorVariable failures -ErrorAction SilentlyContinue)

            $jobs.Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.12000003,*'
            $failures[0].ToString() | Should -Match "'no-such-cluster' does not exist"
        }
    }
}
