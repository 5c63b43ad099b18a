#Requires -Version 7.0
# One results CSV with a line for every input row (-IncludeFailed, Wait passing rows without a job through),
# times and durations that read the same in every culture, and what PowerShell users do with them.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $isoUtc = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$'
}

Describe 'One line per input row' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName '*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 300 }
        $full = $seed.FullCluster
        # Row 4 goes to the Hadoop cluster, whose next submission the emulator refuses.
        Add-EmulatorFault @{ cluster_id = $seed.HadoopCluster; count = 1; status = 200; error_code = '0173'; error_msg = 'Failed to submit the job.'; shape = 'job_submit_result' }
        $jobs = New-JobCsv 'jobs.csv' @(
            'cluster_id,job_name,job_type,arguments,properties'
            "$full,good-1,MapReduce,obs://b/wc.jar,"
            "$full,bad name,MapReduce,obs://b/wc.jar,"
            "$full,good-2,SparkSql,""[""""SELECT 1"""",""""x y""""]"",""{""""note"""":""""a;b"""",""""fs.obs.secret.key"""":""""S3cr3t-Value""""}"""
            "$($seed.HadoopCluster),refused-1,MapReduce,obs://b/wc.jar,"
            "$full,no-type,,obs://b/wc.jar,"
            "$full,good-3,HiveSql,""[""""SELECT 2""""]"","
        )
    }

    It 'New-MrsJobExecution -IncludeFailed writes a result for every row, in input order, besides each error' {
        $results = @(Import-Csv $jobs | New-MrsJobExecution -IncludeFailed -ThrottleLimit 4 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $results.Row | Should -Be @(1, 2, 3, 4, 5, 6)
        $results.JobName | Should -Be @('good-1', 'bad name', 'good-2', 'refused-1', 'no-type', 'good-3')
        "$($results.Origin)" | Should -Be 'Submitted Invalid Submitted Refused Invalid Submitted'
        @($results | Where-Object JobId).Count | Should -Be 3
        $failures.Count | Should -Be 3
        foreach ($failed in $results | Where-Object { -not $_.JobId }) {
            $record = $failures | Where-Object { (Get-ErrorRow $_) -eq $failed.Row }
            $failed.ErrorId | Should -Be ($record.FullyQualifiedErrorId -split ',')[0]
            $failed.Error | Should -Be "$record"
            $failed.Succeeded | Should -BeFalse
        }
        $results[1].ErrorId | Should -Be 'InvalidJobDefinition.JobName'
        $results[1].SubmittedAt | Should -BeNullOrEmpty
        $results[3].ErrorId | Should -Be 'MrsApiError.0173'
        $results[3].ErrorCode | Should -Be '0173'
        $results[3].State | Should -Be 'FAILED'
        $results[3].SubmittedAt | Should -Not -BeNullOrEmpty
        $results[4].ErrorId | Should -Be 'InvalidJobDefinition.JobTypeRequired'
    }

    It 'gives one CSV through Wait-MrsJobExecution, joined back to the input by Row, without reading or erring twice for rows without a job' {
        $out = Join-Path $TestDrive 'results.csv'

        Import-Csv $jobs | New-MrsJobExecution -IncludeFailed -ErrorVariable failures -ErrorAction SilentlyContinue |
            Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable waitFailures |
            Export-Csv $out

        $rows = @(Import-Csv $out | Sort-Object { [int] $_.Row })
        $inputRows = @(Import-Csv $jobs)
        $rows.Count | Should -Be $inputRows.Count
        for ($i = 0; $i -lt $inputRows.Count; $i++) {
            $rows[$i].Row | Should -Be ($i + 1)
            $rows[$i].JobName | Should -Be $inputRows[$i].job_name
            $rows[$i].ClusterId | Should -Be $inputRows[$i].cluster_id
        }
        "$($rows.Origin)" | Should -Be 'Submitted Invalid Submitted Refused Invalid Submitted'
        $rows.State -join ',' | Should -Be 'FINISHED,,FINISHED,,,FINISHED'
        $rows[1].ErrorId | Should -Be 'InvalidJobDefinition.JobName'
        $rows[1].Error | Should -Match "^Row 2 \(job 'bad name'\) was not sent"
        $rows[3].ErrorId | Should -Be 'MrsApiError.0173'
        $rows[3].JobId | Should -BeNullOrEmpty
        $rows[2].Arguments | Should -BeExactly '["SELECT 1","x y"]'
        $rows[2].Properties | Should -BeExactly '{"note":"a;b","fs.obs.secret.key":"[redacted]"}'
        $failures.Count | Should -Be 3
        $waitFailures.Count | Should -Be 0
        Get-Content $out -Raw | Should -Not -Match 'S3cr3t-Value'
        # Wait reads the jobs (a cluster's list, or one job) and nothing for the rows without one.
        $jobIds = @($rows | Where-Object JobId | ForEach-Object JobId)
        $reads = @(Get-EmulatorRequest | Where-Object method -eq 'GET')
        $reads.Count | Should -BeGreaterThan 0
        foreach ($read in $reads) {
            $last = ($read.path -split '/')[-1]
            ($last -eq 'job-executions' -or $last -in $jobIds) | Should -BeTrue -Because "$($read.path) reads a list or a submitted job"
        }
    }

    It 'keeps the failed row''s result when its error stops the command, and writes the results of -WhatIf''s broken rows' {
        $caught = $null
        try { $null = Import-Csv $jobs | New-MrsJobExecution -IncludeFailed -ErrorAction Stop -OutVariable written } catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidJobDefinition.JobName,*'
        $written.Row | Should -Contain 2
        ($written | Where-Object Row -EQ 2).Origin | Should -Be 'Invalid'

        $dryRun = @(Import-Csv $jobs | New-MrsJobExecution -IncludeFailed -WhatIf -ErrorAction SilentlyContinue)
        $dryRun.Row | Should -Be @(2, 5)
        $dryRun.Origin | Sort-Object -Unique | Should -Be 'Invalid'
    }

    It 'passes a row without a job through a CSV of New-MrsJobExecution''s results' {
        $submitted = Join-Path $TestDrive 'submitted.csv'
        Import-Csv $jobs | New-MrsJobExecution -IncludeFailed -ErrorAction SilentlyContinue | Export-Csv $submitted

        $ended = @(Import-Csv $submitted | Wait-MrsJobExecution -PollingInterval 1 -ErrorVariable waitFailures | Sort-Object Row)

        $ended.Count | Should -Be 6
        $ended | Should -BeOfType ([MrsJobs.Core.Models.JobExecution])
        $ended[1].Origin | Should -Be 'Invalid'
        $ended[1].JobName | Should -Be 'bad name'
        $ended[3].Origin | Should -Be 'Refused'
        $ended[3].Error | Should -Match '0173'
        $ended[2].Arguments | Should -Be @('SELECT 1', 'x y')
        $waitFailures.Count | Should -Be 0
    }
}

Describe 'Times and durations in results' {

    BeforeAll {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'timed-*' -Plan @{ new_ms = 0; accepted_ms = 100; running_ms = 400 }
        $ended = @(1..3 | ForEach-Object {
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName "timed-$_" -JobType MapReduce
                Start-Sleep -Milliseconds 50
            } | Wait-MrsJobExecution -PollingInterval 1)
        $job = $ended[0]
    }

    It 'writes ISO 8601 UTC times and [timespan] durations in a CSV, also under another culture' {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $out = Join-Path $TestDrive 'de.csv'
            $ended | Export-Csv $out
            $rows = @(Import-Csv $out)
        }
        finally { [cultureinfo]::CurrentCulture = $saved }

        foreach ($row in $rows) {
            foreach ($column in 'SubmittedAt', 'StartedAt', 'FinishedAt') {
                $row.$column | Should -Match $isoUtc -Because $column
                $original = ($ended | Where-Object JobId -eq $row.JobId).$column
                [datetimeoffset]::Parse($row.$column, [cultureinfo]::InvariantCulture) | Should -Be $original.Value
            }
            $row.Elapsed | Should -Match '^\d\d:\d\d:\d\d(\.\d{1,3})?$'
            [timespan]$row.Elapsed | Should -Be ($ended | Where-Object JobId -eq $row.JobId).Elapsed.Value
        }
    }

    It 'compares a time with Get-Date, both ways' {
        $job.StartedAt -gt (Get-Date).AddHours(-1) | Should -BeTrue
        $job.StartedAt -gt (Get-Date).AddHours(1) | Should -BeFalse
        $job.StartedAt -lt [datetimeoffset]::UtcNow.AddMinutes(1) | Should -BeTrue
    }

    It 'converts to [datetime] and Get-Date as local time' {
        $local = [datetime]$job.StartedAt
        $local.Kind | Should -Be 'Local'
        $local | Should -Be $job.StartedAt.LocalDateTime
        $local.ToUniversalTime() | Should -Be $job.StartedAt.UtcDateTime
        (Get-Date $job.StartedAt) | Should -Be $local
        [datetime]"$($job.StartedAt)" | Should -Be $local
    }

    It 'sorts by time' {
        $shuffled = @($ended[2], $ended[0], $ended[1])
        @($shuffled | Sort-Object StartedAt).JobId | Should -Be @($ended | Sort-Object { $_.StartedAt.Value.UtcTicks }).JobId
        @($shuffled | Sort-Object SubmittedAt -Descending)[0].JobName | Should -Be 'timed-3'
    }

    It 'subtracts to a duration, which has the totals of a [timespan] and compares with one' {
        $ran = $job.FinishedAt - $job.StartedAt
        $ran | Should -BeOfType ([MrsJobs.Core.Models.JobDuration])
        $ran.TotalMilliseconds | Should -Be ($job.FinishedAt.Value - $job.StartedAt.Value).TotalMilliseconds
        $job.Elapsed.TotalSeconds | Should -BeGreaterThan 0.3
        $job.Elapsed.TotalSeconds | Should -BeLessThan 60
        $job.Elapsed -gt [timespan]'00:01:00' | Should -BeFalse
        $job.Elapsed -lt [timespan]'00:01:00' | Should -BeTrue
        $job.Elapsed -gt [timespan]'00:00:00.1' | Should -BeTrue
        [timespan]"$($job.Elapsed)" | Should -Be $job.Elapsed.Value
    }

    It 'shows the ISO text in lists, and formats as a [datetimeoffset] or [timespan] does when asked' {
        ($job | Format-List SubmittedAt, Elapsed | Out-String) | Should -Match 'SubmittedAt : \d{4}-\d\d-\d\dT[\d:.]+Z'
        $job.SubmittedAt.ToString('yyyy-MM-dd HH:mm') | Should -Be $job.SubmittedAt.Value.ToString('yyyy-MM-dd HH:mm')
        $job.Elapsed.ToString('hh\:mm\:ss') | Should -Be $job.Elapsed.Value.ToString('hh\:mm\:ss')
        '{0:yyyy}' -f $job.StartedAt | Should -Be $job.StartedAt.Value.Year
        ($job | Format-Table | Out-String) | Should -Not -BeNullOrEmpty
    }
}
