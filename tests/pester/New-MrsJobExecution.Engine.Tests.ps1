#Requires -Version 7.0
# New-MrsJobExecution as a bulk submitter: parallel submissions in input order, retries of throttled
# submissions, lost answers settled by listing (never by sending again), Ctrl+C, and
# row numbers that never drift.

BeforeDiscovery {
    $parallelism = @(
        @{ Limit = 4 }
        @{ Limit = 16 }
    )
    $foundByListing = @(
        @{ Kind = 'drop_after_record' }
        @{ Kind = 'html_502_after_record' }
        @{ Kind = 'truncated_json_after_record' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $cmdletId = 'MrsJobs.Commands.NewMrsJobExecutionCommand'


    # Three rows: the middle one on the Hadoop-only cluster, so that a fault queued for that cluster hits row 2 only.
    function New-ThreeRow([string] $Prefix) {
        $rows = @(New-TestJobRow -Count 3 -Prefix $Prefix)
        $rows[1].cluster_id = $seed.HadoopCluster
        $rows
    }
}

Describe 'New-MrsJobExecution submitting many rows' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject -Extra @{ TimeoutSec = 5 }   # a rerun waits for an unanswered request to be older than this
    }

    Context 'parallel submissions' {

        It 'writes the results in input order, with their row numbers, even when a row finishes after the rows that follow it' {
            $rows = @(New-TestJobRow -Count 60 -Prefix order)
            # Row 40 goes to another cluster, whose first answer is a 429: it is accepted a second later than its neighbours.
            $rows[39].cluster_id = $seed.HadoopCluster
            Add-EmulatorFault @{ kind = 'throttle_429'; cluster_id = $seed.HadoopCluster; retry_after_seconds = 1 }
            Set-EmulatorSetting @{ latency_ms = 100 }

            $results = @($rows | New-MrsJobExecution -ThrottleLimit 16)

            $stored = Get-EmulatorJobByName
            $stored['order-40'][0].submitted_time | Should -BeGreaterThan $stored['order-41'][0].submitted_time -Because 'row 40 was accepted after row 41'
            $results.Count | Should -Be 60
            $results.Row | Should -Be (1..60)
            $results.JobName | Should -Be (1..60 | ForEach-Object { "order-$_" })
            $results.Origin | Sort-Object -Unique | Should -Be 'Submitted'
            foreach ($result in $results) { $result.JobId | Should -Be $stored[$result.JobName][0].job_id }
        }

        It 'never has more than -ThrottleLimit <Limit> submissions in flight, and uses the parallelism it is given' -ForEach $parallelism {
            Set-EmulatorSetting @{ latency_ms = 200 }

            $results = @(New-TestJobRow -Count 64 -Prefix "limit$Limit" | New-MrsJobExecution -ThrottleLimit $Limit)

            $stats = Get-EmulatorStats
            $results.Count | Should -Be 64
            $stats.jobs_total | Should -Be 64
            $stats.peak_in_flight | Should -BeLessOrEqual $Limit
            $stats.peak_in_flight | Should -BeGreaterThan ([Math]::Min(4, $Limit - 2)) -Because 'the submissions really run in parallel'
        }

        It 'sends the rows after the first one together once its answer has shown the credentials good' {
            Set-EmulatorSetting @{ latency_ms = 200 }

            $results = @(New-TestJobRow -Count 17 -Prefix together | New-MrsJobExecution -ThrottleLimit 16)

            $results.Count | Should -Be 17
            (Get-EmulatorStats).peak_in_flight | Should -BeGreaterOrEqual 8 -Because 'rows 2 to 17 need not wait for each other once row 1 was accepted'
        }
    }

    Context 'throttled submissions' {

        It 'sends a submission answered 429 again after the Retry-After it asked for, says so with -Verbose, and creates the job once' {
            Add-EmulatorFault @{ kind = 'throttle_429'; retry_after_seconds = 1 }

            $messages = @(New-TestJobRow -Count 1 -Prefix throttled | New-MrsJobExecution -Verbose 4>&1)

            $result = @($messages | Where-Object { $_ -is [MrsJobs.Core.Models.JobSubmitResult] })
            $verbose = @($messages | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $result.Count | Should -Be 1
            $result[0].Row | Should -Be 1
            $result[0].Origin | Should -Be 'Submitted'
            $verbose -match 'waiting 1(\.0)? s before retry 1 of 5' | Should -Not -BeNullOrEmpty
            Get-EmulatorJobCount 'throttled-1' | Should -Be 1
            $posts = @(Get-EmulatorRequest | Where-Object method -eq 'POST')
            $posts.Count | Should -Be 2
            ($posts[1].received_at - $posts[0].received_at) | Should -BeGreaterOrEqual 950 -Because 'Retry-After: 1 was honoured'
        }

        It 'sends a submission refused with 0202 (too many jobs being submitted) again and creates the job once' {
            Add-EmulatorFault @{ status = 500; error_code = '0202'; error_msg = 'Too many jobs are being submitted, please try again later.'; count = 2 }

            $messages = @(New-TestJobRow -Count 1 -Prefix busy | New-MrsJobExecution -Verbose 4>&1)

            $result = @($messages | Where-Object { $_ -is [MrsJobs.Core.Models.JobSubmitResult] })
            $verbose = @($messages | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $result.Count | Should -Be 1
            $result[0].JobId | Should -Be (Get-EmulatorJob)[0].job_id
            $verbose -match 'waiting [\d.]+ s before retry 2 of 5' | Should -Not -BeNullOrEmpty
            Get-EmulatorJobCount 'busy-1' | Should -Be 1
            (Get-EmulatorPostCount)['busy-1'] | Should -Be 3
        }

        It 'gives an error naming the row, MrsApiError.0202 with category LimitsExceeded, once -MaxRetries is spent, and the next row still goes' {
            Connect-TestProject -Extra @{ MaxRetries = 1 }
            Add-EmulatorFault @{ status = 500; error_code = '0202'; error_msg = 'Too many jobs are being submitted, please try again later.'; count = 3 }

            $results = @(New-TestJobRow -Count 2 -Prefix spent | New-MrsJobExecution -ThrottleLimit 1 -ErrorVariable failures -ErrorAction SilentlyContinue)

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsApiError.0202,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            "$($failures[0])" | Should -BeLike "Row 1 (job 'spent-1')*"
            (Get-EmulatorPostCount)['spent-1'] | Should -Be 2 -Because 'one try and one retry'
            Get-EmulatorJobCount 'spent-1' | Should -Be 0
            $results.Count | Should -Be 1
            $results[0].Row | Should -Be 2
            Get-EmulatorJobCount 'spent-2' | Should -Be 1
        }
    }

    Context 'lost answers' {

        It 'finds the job of a lost answer (<Kind>) by listing, writes it with Origin Reconciled, and never sends the row again' -ForEach $foundByListing {
            Add-EmulatorFault @{ kind = $Kind; cluster_id = $seed.HadoopCluster }

            $results = @(New-ThreeRow -Prefix $Kind.Replace('_', '-') | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue)

            $name = "$($Kind.Replace('_', '-'))-2"
            $failures.Count | Should -Be 0
            $results.Row | Should -Be 1, 2, 3
            $results[1].Origin | Should -Be 'Reconciled'
            $results[0].Origin, $results[2].Origin | Should -Be 'Submitted', 'Submitted'
            $results[1].JobName | Should -Be $name
            Get-EmulatorJobCount $name | Should -Be 1
            $results[1].JobId | Should -Be ((Get-EmulatorJobByName)[$name][0].job_id)
            (Get-EmulatorPostCount)[$name] | Should -Be 1
            (Get-EmulatorStats).jobs_total | Should -Be 3
        }

        It 'gives MrsSubmissionOutcomeUnknown naming the row when the request was dropped before the job was recorded, and never sends it again' {
            Add-EmulatorFault @{ kind = 'drop_before_record'; cluster_id = $seed.HadoopCluster }

            $results = @(New-ThreeRow -Prefix dropped | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue)

            $results.Row | Should -Be 1, 3
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsSubmissionOutcomeUnknown,$cmdletId"
            "$($failures[0])" | Should -BeLike "Row 2 (job 'dropped-2'): the job may or may not exist*"
            Get-EmulatorJobCount 'dropped-2' | Should -Be 0
            (Get-EmulatorPostCount)['dropped-2'] | Should -Be 1
        }
    }

    Context 'an upstream command that fails' {

        It 'sends nothing after the command has returned' {
            Set-EmulatorSetting @{ latency_ms = 1000 }
            $rows = @(New-TestJobRow -Count 40 -Prefix upstream)
            $failed = $null
            try {
                $null = & { foreach ($row in $rows) { $row; if ($row.job_name -eq 'upstream-12') { throw 'upstream failed' } } } |
                    New-MrsJobExecution -ThrottleLimit 4
            }
            catch { $failed = $_ }
            $right = (Get-EmulatorStats).submissions_received
            Start-Sleep -Seconds 3
            $later = (Get-EmulatorStats).submissions_received
            Set-EmulatorSetting @{ latency_ms = 0 }

            $failed | Should -Not -BeNullOrEmpty
            $later | Should -Be $right -Because 'a run cut short by its input is cancelled and closed before the command returns'
            (Get-EmulatorStats).in_flight | Should -Be 0
        }
    }

    Context 'Ctrl+C' {

        It 'ends within 3 seconds while submissions are in flight, leaves a journal a rerun completes without making any job twice' {
            $rows = @(New-TestJobRow -Count 20 -Prefix cancel)
            $journal = Get-TestFilePath cancel.journal
            Set-EmulatorSetting @{ latency_ms = 2000 }
            $command = Start-BackgroundCommand { param($Rows, $Journal) $Rows | New-MrsJobExecution -ThrottleLimit 4 -JournalPath $Journal } -ArgumentList $rows, $journal
            try {
                Wait-TestCondition { (Get-EmulatorStats).in_flight -ge 2 } -TimeoutSec 30 -Because 'submissions in flight'
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $command.Shell.Stop()
                $watch.Stop()
                $state = $command.Shell.InvocationStateInfo.State
                $written = @($command.Output)
            }
            finally { Stop-BackgroundCommand $command }

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $state | Should -Be 'Stopped'
            $written.Count | Should -BeLessThan 20
            $records = Read-TestJournal $journal
            $intents = @($records | Where-Object type -eq 'intent')
            $intents.Count | Should -BeGreaterThan 0

            Set-EmulatorSetting @{ latency_ms = 0 }
            $rerun = @($rows | New-MrsJobExecution -JournalPath $journal -ErrorVariable failures -ErrorAction SilentlyContinue)

            Get-DuplicateJobName | Should -BeNullOrEmpty
            $stored = Get-EmulatorJobByName
            foreach ($result in $rerun) { $result.JobId | Should -Be $stored[$result.JobName][0].job_id }
            @($rerun.Row) + @($failures | ForEach-Object { Get-ErrorRow $_ }) | Sort-Object | Should -Be (1..20)
            @($failures | ForEach-Object { "$_" }) | Should -BeNullOrEmpty -Because 'the rerun settles every row whose request was cut off: found by listing, or sent'
            foreach ($row in $rows) { Get-EmulatorJobCount $row.job_name | Should -Be 1 -Because "every row's job exists once after the rerun ($($row.job_name))" }
        }

        It 'ends within 3 seconds during a back-off of 30 seconds' {
            Add-EmulatorFault @{ kind = 'throttle_429'; retry_after_seconds = 30; count = 5 }
            $rows = @(New-TestJobRow -Count 5 -Prefix backoff)
            $journal = Get-TestFilePath backoff.journal
            $command = Start-BackgroundCommand { param($Rows, $Journal) $Rows | New-MrsJobExecution -JournalPath $Journal } -ArgumentList $rows, $journal
            try {
                Wait-TestCondition { $stats = Get-EmulatorStats; $stats.faults_fired.PSObject.Properties['throttle_429'] -and $stats.in_flight -eq 0 } -TimeoutSec 30 -Because 'a 429 answered'
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $command.Shell.Stop()
                $watch.Stop()
                $state = $command.Shell.InvocationStateInfo.State
            }
            finally { Stop-BackgroundCommand $command }

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $state | Should -Be 'Stopped'
            (Get-EmulatorStats).jobs_total | Should -Be 0

            $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Delete -Path faults
            $rerun = @($rows | New-MrsJobExecution -JournalPath $journal -ErrorVariable failures -ErrorAction SilentlyContinue)

            $failures | Should -BeNullOrEmpty -Because 'a row answered 429 certainly was not processed, so the rerun may send it'
            $rerun.Row | Should -Be (1..5)
            foreach ($row in $rows) { Get-EmulatorJobCount $row.job_name | Should -Be 1 }
        }
    }

    Context 'row numbers' {

        It 'treats every pipeline object as a row: strings, numbers, $null and objects without a cluster get an error naming their row, the others keep their position' {
            $valid = @(New-TestJobRow -Count 3 -Prefix mixed)
            $items = @('text', $valid[0], 42, $null, [pscustomobject]@{ job_name = 'no-cluster'; job_type = 'MapReduce' }, $valid[1], $valid[2])

            $results = @($items | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue)

            $results.Row | Should -Be 2, 6, 7
            $results.JobName | Should -Be 'mixed-1', 'mixed-2', 'mixed-3'
            $failures.Count | Should -Be 4
            @($failures | ForEach-Object { Get-ErrorRow $_ }) | Should -Be 1, 3, 4, 5
            foreach ($failure in $failures) { $failure.FullyQualifiedErrorId | Should -BeLike "InvalidJobDefinition.*,$cmdletId" }
            "$($failures[3])" | Should -BeLike "Row 5 (job 'no-cluster')*cluster_id*"
            (Get-EmulatorStats).jobs_total | Should -Be 3
        }
    }
}
