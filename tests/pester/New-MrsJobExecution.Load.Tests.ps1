#Requires -Version 7.0
# New-MrsJobExecution under load, with a seeded mix of faults: every row is reported once, no job is created
# twice. The size comes from MRSJOBS_LOAD_ROWS (1000 by default, as in CI). The full run is 10000 rows:
#   $env:MRSJOBS_LOAD_ROWS = 10000; dotnet pwsh ./build.ps1 Test

BeforeDiscovery {
    $size = @{ Count = if ($env:MRSJOBS_LOAD_ROWS) { [int] $env:MRSJOBS_LOAD_ROWS } else { 1000 } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $outcomeUnknownId = 'MrsSubmissionOutcomeUnknown,MrsJobs.Commands.NewMrsJobExecutionCommand'

    function Get-Fired($Stats, [string] $Kind) {
        $fired = $Stats.faults_fired.PSObject.Properties[$Kind]
        if ($fired) { [int] $fired.Value } else { 0 }
    }
}

Describe 'New-MrsJobExecution under load' -ForEach $size {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject -Extra @{ MaxRetries = 10 }
    }

    It 'creates exactly one job for each of <Count> rows while 10% of the submissions are throttled, and writes every row in order' {
        Set-EmulatorFaultMix @{ seed = 11; rates = @{ throttle_429 = 0.05; code_0202 = 0.05 }; retry_after_seconds = 0 } | Out-Null

        $results = @(New-TestJobRow -Count $Count -Prefix load | New-MrsJobExecution -ThrottleLimit 16 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $stats = Get-EmulatorStats
        @($failures | Select-Object -First 5 | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
        (Get-Fired $stats 'throttle_429') + (Get-Fired $stats 'code_0202') | Should -BeGreaterThan ($Count / 20) -Because 'the faults did fire'
        $stats.jobs_total | Should -Be $Count
        Get-DuplicateJobName | Should -BeNullOrEmpty
        $results.Count | Should -Be $Count
        ($results.Row -join ',') | Should -Be ((1..$Count) -join ',')
        $stored = Get-EmulatorJobByName
        $wrong = @($results | Where-Object { $stored[$_.JobName].Count -ne 1 -or $stored[$_.JobName][0].job_id -ne $_.JobId })
        $wrong.Count | Should -Be 0 -Because 'every result names the job of its row'
    }

    It 'reports each of <Count> rows once, as its real job or as MrsSubmissionOutcomeUnknown, and creates no job twice, while answers are also lost' {
        Set-EmulatorFaultMix @{
            seed = 12; retry_after_seconds = 0
            rates = @{
                throttle_429 = 0.05; code_0202 = 0.05
                drop_after_record = 0.02; html_502_after_record = 0.01; truncated_json_after_record = 0.01; drop_before_record = 0.01
            }
        } | Out-Null

        $results = @(New-TestJobRow -Count $Count -Prefix lossy | New-MrsJobExecution -ThrottleLimit 16 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $stats = Get-EmulatorStats
        $failures = @($failures)
        Get-DuplicateJobName | Should -BeNullOrEmpty
        $other = @($failures | Where-Object FullyQualifiedErrorId -ne $outcomeUnknownId)
        @($other | Select-Object -First 5 | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
        $unknownRows = @($failures | ForEach-Object { Get-ErrorRow $_ })
        ((@($results.Row) + $unknownRows | Sort-Object) -join ',') | Should -Be ((1..$Count) -join ',')
        $stored = Get-EmulatorJobByName
        $wrong = @($results | Where-Object { $stored[$_.JobName].Count -ne 1 -or $stored[$_.JobName][0].job_id -ne $_.JobId })
        $wrong.Count | Should -Be 0 -Because 'every result names the job of its row'
        foreach ($row in $unknownRows) { $stored.ContainsKey("lossy-$row") | Should -BeFalse -Because "row $row was dropped before its job was recorded" }
        $unknownRows.Count | Should -Be (Get-Fired $stats 'drop_before_record')
        @($results | Where-Object Origin -eq 'Reconciled').Count | Should -Be ((Get-Fired $stats 'drop_after_record') + (Get-Fired $stats 'html_502_after_record') + (Get-Fired $stats 'truncated_json_after_record'))
        $stats.jobs_total | Should -Be ($Count - $unknownRows.Count)
    }
}
