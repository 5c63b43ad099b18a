#Requires -Version 7.0
# New-MrsJobExecution -JournalPath: a rerun sends nothing twice, a run killed mid-request is resumed without
# duplicates, and a journal that does not fit (other input, in use, torn last line) is handled as documented.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $cmdletId = 'MrsJobs.Commands.NewMrsJobExecutionCommand'

}

Describe 'New-MrsJobExecution -JournalPath' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject -Extra @{ TimeoutSec = 5 }   # a rerun waits for an unanswered request to be older than this
    }

    It 'sends nothing for rows an earlier run got accepted, and writes their results again with Origin Journal and the same job ids' {
        $csv = Export-TestJobCsv -Name again.csv -Rows (New-TestJobRow -Count 10 -Prefix again)
        $journal = Get-TestFilePath again.journal
        $first = @(Import-Csv $csv | New-MrsJobExecution -JournalPath $journal -ThrottleLimit 4)
        Clear-EmulatorRequest

        $second = @(Import-Csv $csv | New-MrsJobExecution -JournalPath $journal -ThrottleLimit 4)

        @(Get-EmulatorRequest | Where-Object method -eq 'POST').Count | Should -Be 0
        $first.Origin | Sort-Object -Unique | Should -Be 'Submitted'
        $second.Origin | Sort-Object -Unique | Should -Be 'Journal'
        $second.Row | Should -Be (1..10)
        $second.JobId | Should -Be $first.JobId
        $second.JobName | Should -Be $first.JobName
        (Get-EmulatorStats).jobs_total | Should -Be 10
    }

    It 'stops with MrsJournal.WrittenForOtherInput, naming the row, and sends nothing when the input is not the one the journal was written for' {
        $rows = @(New-TestJobRow -Count 5 -Prefix other)
        $journal = Get-TestFilePath other.journal
        $null = $rows | New-MrsJobExecution -JournalPath $journal
        $changed = @(New-TestJobRow -Count 5 -Prefix other)
        $changed[2].arguments = 'obs://bucket/app.jar another-argument'
        Clear-EmulatorRequest

        $caught = Get-TerminatingError { $changed | New-MrsJobExecution -JournalPath $journal }

        $caught.FullyQualifiedErrorId | Should -BeExactly "MrsJournal.WrittenForOtherInput,$cmdletId"
        $caught.CategoryInfo.Category | Should -Be 'InvalidData'
        "$caught" | Should -BeLike "Row 3 *$journal*"
        @(Get-EmulatorRequest | Where-Object method -eq 'POST').Count | Should -Be 0
        (Get-EmulatorStats).jobs_total | Should -Be 5
    }

    It 'stops with MrsJournal.InUse and sends nothing while another command of this session is using the journal' {
        $journal = Get-TestFilePath busy.journal
        Set-EmulatorSetting @{ latency_ms = 3000 }
        $other = Start-BackgroundCommand { param($Rows, $Journal) $Rows | New-MrsJobExecution -JournalPath $Journal } -ArgumentList @(New-TestJobRow -Count 3 -Prefix first), $journal
        try {
            Wait-TestCondition { (Get-EmulatorStats).in_flight -ge 1 } -TimeoutSec 30 -Because 'the first command sending'

            $caught = Get-TerminatingError { New-TestJobRow -Count 3 -Prefix second | New-MrsJobExecution -JournalPath $journal }
        }
        finally { Stop-BackgroundCommand $other }

        $caught.FullyQualifiedErrorId | Should -BeExactly "MrsJournal.InUse,$cmdletId"
        $caught.CategoryInfo.Category | Should -Be 'ResourceBusy'
        "$caught" | Should -BeLike "*$journal*"
        (Get-EmulatorPostCount).Keys | Where-Object { $_ -like 'second-*' } | Should -BeNullOrEmpty
    }

    It 'warns, naming the journal, about a torn last line, ignores it and goes on' {
        $journal = Get-TestFilePath torn.journal
        $first = @(New-TestJobRow -Count 3 -Prefix torn | New-MrsJobExecution -JournalPath $journal)
        # The process stopped while writing the intent of row 4.
        [System.IO.File]::AppendAllText($journal, '{"type":"intent","row":4,"hash":"0a1b')

        $results = @(New-TestJobRow -Count 4 -Prefix torn | New-MrsJobExecution -JournalPath $journal -WarningVariable warnings -WarningAction SilentlyContinue)

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*$journal*"
        $results.Row | Should -Be 1, 2, 3, 4
        $results.Origin | Should -Be 'Journal', 'Journal', 'Journal', 'Submitted'
        $results[0..2].JobId | Should -Be $first.JobId
        foreach ($n in 1..4) { Get-EmulatorJobCount "torn-$n" | Should -Be 1 }
    }
}

Describe 'New-MrsJobExecution -JournalPath after the process running it was killed mid-request' {

    BeforeAll {
        Reset-Emulator
        Connect-TestProject -Extra @{ TimeoutSec = 5 }   # a rerun waits for an unanswered request to be older than this
        $rows = @(New-TestJobRow -Count 40 -Prefix killed)
        $csv = Export-TestJobCsv -Name killed.csv -Rows $rows
        $journal = Get-TestFilePath killed.journal
        Set-EmulatorSetting @{ latency_ms = 500 }
        $child = Start-TestProcess -ScriptPath "$PSScriptRoot/fixtures/Submit-WithJournal.ps1" -ArgumentList @(
            '-EmulatorUrl', (Get-EmulatorUrl), '-CsvPath', $csv, '-JournalPath', $journal, '-ThrottleLimit', '4')
        try {
            Wait-TestCondition { $child.Process.HasExited -or @(Read-TestJournal $journal | Where-Object type -eq 'intent').Count -ge 8 } -TimeoutSec 60 -Because '8 intents in the journal'
            $inUse = try { $null = Import-Csv $csv | New-MrsJobExecution -JournalPath $journal; $null } catch { $_ }
            # Killed while a request waits out the emulator's latency: the service never records that job.
            Wait-TestCondition { $child.Process.HasExited -or (Get-EmulatorStats).in_flight -ge 1 } -TimeoutSec 30 -Because 'a request in flight'
            $exitedByItself = $child.Process.HasExited
            $child.Process.Kill()
            $null = $child.Process.WaitForExit(10000)
        }
        finally {
            if (-not $child.Process.HasExited) { $child.Process.Kill() }
        }
        $childOutput = $child.StandardOutput.Result + $child.StandardError.Result
        $beforeRerun = @(Get-EmulatorJob)
        $records = Read-TestJournal $journal
        Set-EmulatorSetting @{ latency_ms = 0 }

        $rerun = @(Import-Csv $csv | New-MrsJobExecution -JournalPath $journal -ThrottleLimit 4 -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $failures = @($failures)
        $stats = Get-EmulatorStats
    }

    It 'was killed while its requests were in flight' {
        $exitedByItself | Should -BeFalse -Because "the child was to be killed mid-run; it said: $childOutput"
        $beforeRerun.Count | Should -BeLessThan 40
        @($records | Where-Object type -eq 'intent').Count | Should -BeGreaterThan @($records | Where-Object type -eq 'outcome').Count
    }

    It 'refused the journal to a command of another process while the killed one was running (MrsJournal.InUse)' {
        $inUse | Should -Not -BeNullOrEmpty
        $inUse.FullyQualifiedErrorId | Should -BeExactly 'MrsJournal.InUse,MrsJobs.Commands.NewMrsJobExecutionCommand'
    }

    It 'reports every row once on the rerun, and no job exists twice' {
        Get-DuplicateJobName | Should -BeNullOrEmpty
        $reported = @($rerun.Row) + @($failures | ForEach-Object { Get-ErrorRow $_ })
        @($reported | Sort-Object) | Should -Be (1..40)
        $stored = Get-EmulatorJobByName
        foreach ($result in $rerun) {
            $stored[$result.JobName].Count | Should -Be 1
            $result.JobId | Should -Be $stored[$result.JobName][0].job_id
        }
    }

    It 'writes the results of the rows the killed run got accepted with Origin Journal' {
        $accepted = @($records | Where-Object { $_.type -eq 'outcome' -and $_.outcome -eq 'accepted' })
        $accepted.Count | Should -BeGreaterThan 0
        foreach ($record in $accepted) {
            $result = $rerun | Where-Object Row -eq $record.row
            $result.Origin | Should -Be 'Journal'
            $result.JobId | Should -Be $record.job_id
        }
    }

    It 'creates every job of the input exactly once by the rerun' {
        $failures | ForEach-Object { "$_" } | Should -BeNullOrEmpty
        $stats.jobs_total | Should -Be 40
        foreach ($row in $rows) { Get-EmulatorJobCount $row.job_name | Should -Be 1 -Because "$($row.job_name) must exist once" }
    }
}
