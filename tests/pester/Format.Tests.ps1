#Requires -Version 7.0
# The default views (MrsJobs.format.ps1xml) at 80 columns: no line longer, a job id (a UUID) shown in full, a job name
# of 64 characters never cut (a long one is wrapped over lines in its column, without losing a character).

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $longName = 'nightly-revenue-aggregation-' + ('0123456789' * 3) + '-eu-we'   # 64 characters, no blank to wrap at

    # The text of one table column: from the column's offset in each line under the header, joined (wrapped cells join up).
    function Get-ColumnText([string] $Text, [string] $Header) {
        $lines = @($Text -split '\r?\n')
        $headerLine = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -match "(^|\s)$Header(\s|$)" })
        $offset = $lines[$headerLine].IndexOf($Header)
        $cells = for ($n = $headerLine + 2; $n -lt $lines.Count; $n++) {
            if ($lines[$n].Length -gt $offset) { $lines[$n].Substring($offset).TrimEnd() }
        }
        -join $cells
    }

    function Get-LongestLine([string] $Text) { (@($Text -split '\r?\n') | Measure-Object -Property Length -Maximum).Maximum }
}

Describe 'The default views at 80 columns' {

    BeforeAll {
        Reset-Emulator
        Connect-TestProject
        foreach ($name in $longName, 'wordcount-daily') { Add-EmulatorJobPlan -JobName $name -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0 } }
        $longName.Length | Should -Be 64
        $submitted = @(
            [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = $longName; job_type = 'MapReduce' }
            [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'wordcount-daily'; job_type = 'SparkSubmit' }
        ) | New-MrsJobExecution
    }

    It 'JobSubmitResult: a table headed SubmitState, with full job ids and whole job names' {
        $text = $submitted | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Not -Match '…'
        ($text -split '\r?\n' | Where-Object { $_ -match '\bJobId\b' }) | Should -Match '\bSubmitState\b'
        foreach ($job in $submitted) {
            $job.JobId | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            $text | Should -Match ([regex]::Escape($job.JobId))
        }
        Get-ColumnText $text 'SubmitState' | Should -BeLike 'COMPLETE*COMPLETE*'
        Get-ColumnText $text 'JobName' | Should -Be ($longName + 'wordcount-daily')
    }

    It 'JobExecution: a table with state, result, full job ids and whole job names' {
        $ended = @($submitted | Wait-MrsJobExecution -PollingInterval 1)

        $text = $ended | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Not -Match '…'
        foreach ($job in $ended) { $text | Should -Match ([regex]::Escape($job.JobId)) }
        Get-ColumnText $text 'Result' | Should -BeLike 'SUCCEEDED*SUCCEEDED*'
        Get-ColumnText $text 'JobName' | Should -Be (-join $ended.JobName)
        ($ended.JobName | Sort-Object) | Should -Be (@($longName, 'wordcount-daily') | Sort-Object)
    }

    It 'rows that became no job (-IncludeFailed) show why in the state column of both tables, within 80 columns' {
        Add-EmulatorFault @{ cluster_id = $seed.HadoopCluster; count = 1; status = 200; error_code = '0173'; error_msg = 'Failed to submit the job.'; shape = 'job_submit_result' }
        $rows = @(
            [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'wordcount-daily'; job_type = 'MapReduce' }
            [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'bad name'; job_type = 'MapReduce' }
            [pscustomobject]@{ cluster_id = $seed.HadoopCluster; job_name = $longName; job_type = 'MapReduce' }
        )
        $results = @($rows | New-MrsJobExecution -IncludeFailed -ErrorAction SilentlyContinue)
        $ended = @($results | Wait-MrsJobExecution -PollingInterval 1 | Sort-Object Row)

        $submitText = $results | Out-String -Width 80
        $endedText = $ended | Out-String -Width 80

        foreach ($text in $submitText, $endedText) {
            Get-LongestLine $text | Should -BeLessOrEqual 80
            $text | Should -Not -Match '…'
        }
        $submitText | Should -Match '(?m)^\s+1 COMPLETE\s+[0-9a-f-]{36} wordcount-daily\s*$'
        $submitText | Should -Match '(?m)^\s+2 Invalid\s+bad name\s*$'
        $submitText | Should -Match '(?m)^\s+3 Refused\s+nightly-'
        $endedText | Should -Match '(?m)^FINISHED\s+SUCCEEDED\s+[0-9a-f-]{36} wordcount-daily\s*$'
        $endedText | Should -Match '(?m)^Invalid\s+bad name\s*$'
        $endedText | Should -Match '(?m)^Refused\s+nightly-'
        Get-ColumnText $endedText 'JobName' | Should -Be ('wordcount-dailybad name' + $longName)
    }

    It 'JobExecution: a job whose state was never read shows (not read), not a blank state' {
        $job = $submitted[1]

        $line = $job | Wait-MrsJobExecution -Timeout 0 -ErrorAction SilentlyContinue
        $text = $line | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match ('(?m)^\(not read\)\s+' + [regex]::Escape($job.JobId) + ' wordcount-daily\s*$')
    }

    It 'SQL statements: every column name, wrapped, within 80 columns' {
        $row = [ordered]@{}
        1..8 | ForEach-Object { $row["a_rather_long_column_name_$_"] = "v$_" }
        Add-EmulatorJobPlan -JobName 'sql-wide' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0; sql_results = @{ '0' = @($row, $row) } }
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName sql-wide -JobType SparkSql -Arguments 'SELECT 1'
        $null = $job | Wait-MrsJobExecution -PollingInterval 1

        $text = $job | Get-MrsJobSqlResult -AsStatement | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        Get-ColumnText $text 'Columns' | Should -Be (($row.Keys) -join ', ')
    }

    It 'MrsSession: a list within 80 columns' {
        $text = Get-MrsSession | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match "ProjectId\s+: $($seed.ProjectId)"
    }
}
