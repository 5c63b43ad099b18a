#Requires -Version 7.0
# New-MrsJobExecution in a runbook under -ErrorAction Stop: the first error ends the command, but what was
# already sent finishes, is journaled and written first, and a rerun with the journal continues.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $cmdletId = 'MrsJobs.Commands.NewMrsJobExecutionCommand'

}

Describe 'New-MrsJobExecution -ErrorAction Stop in a runbook (try { Import-Csv | New-MrsJobExecution -ErrorAction Stop -JournalPath } catch)' {

    BeforeAll {
        Reset-Emulator
        Connect-TestProject
        # Row 12 is a Hive job for the cluster without Hive: the service refuses it (0168).
        $rows = @(New-TestJobRow -Count 40 -Prefix stop)
        $rows[11].cluster_id = $seed.NoHiveCluster
        $rows[11].job_type = 'HiveSql'
        $rows[11].arguments = '-e SELECT 1 FROM t'
        $csv = Export-TestJobCsv -Name stop.csv -Rows $rows
        $journal = Get-TestFilePath stop.journal
        Set-EmulatorSetting @{ latency_ms = 300 }
        $received = [System.Collections.Generic.List[object]]::new()

        $caught = $null
        try { Import-Csv $csv | New-MrsJobExecution -ThrottleLimit 8 -JournalPath $journal -ErrorAction Stop | ForEach-Object { $received.Add($_) } }
        catch { $caught = $_ }

        $accepted = @(Get-EmulatorJob)
        Set-EmulatorSetting @{ latency_ms = 0 }
        $rerun = @(Import-Csv $csv | New-MrsJobExecution -ThrottleLimit 8 -JournalPath $journal -ErrorAction Continue -ErrorVariable failures 2>$null)
        $failures = @($failures)
    }

    It 'ends with the refusal of the first bad row, naming it, and sends none of the rows not yet sent' {
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeExactly "MrsApiError.0168,$cmdletId"
        "$caught" | Should -BeLike "Row 12 (job 'stop-12')*"
        $accepted.Count | Should -BeLessThan 39 -Because 'the rows not yet sent when row 12 was refused were not sent'
    }

    It 'first writes the result of every submission the service accepted, in input order' {
        @($received.JobId | Sort-Object) | Should -Be @($accepted.job_id | Sort-Object)
        $received.Row | Should -Be ($received.Row | Sort-Object)
    }

    It 'on a rerun with the journal writes those results with Origin Journal and creates every other good job exactly once' {
        @($failures | ForEach-Object { Get-ErrorRow $_ }) | Should -Be @(12) -Because 'only the refused row fails again'
        "$($failures[0])" | Should -BeLike 'Row 12 *'
        $rerun.Row | Should -Be (@(1..11) + @(13..40))
        foreach ($job in $accepted) {
            $again = $rerun | Where-Object JobName -eq $job.job_name
            $again.Origin | Should -Be 'Journal'
            $again.JobId | Should -Be $job.job_id
        }
        Get-DuplicateJobName | Should -BeNullOrEmpty
        foreach ($row in $rows | Where-Object job_name -ne 'stop-12') { Get-EmulatorJobCount $row.job_name | Should -Be 1 -Because "$($row.job_name) must exist once" }
        (Get-EmulatorStats).jobs_total | Should -Be 39
    }
}
