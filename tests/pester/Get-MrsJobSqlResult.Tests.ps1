#Requires -Version 7.0
# Get-MrsJobSqlResult: rows of SparkSql/SparkScript statements as objects, and the errors around them.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Get-SqlResultRequest { @(Get-EmulatorRequest | Where-Object { $_.path -like '*/sql-result' }) }
}

Describe 'Get-MrsJobSqlResult' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        $quick = @{ new_ms = 0; accepted_ms = 0; running_ms = 100 }
        Add-EmulatorJobPlan -JobName 'report' -Plan ($quick + @{ sql_results = @{
                    '0' = @(@{ result = 'succeed' })
                    '1' = @([ordered]@{ id = '1'; name = 'a' }, [ordered]@{ id = '2'; name = 'b' })
                } })
        Add-EmulatorJobPlan -JobName 'broken' -Plan ($quick + @{ result = 'FAILED' })
        Add-EmulatorJobPlan -JobName 'slow' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
        Add-EmulatorJobPlan -JobName '*' -Plan $quick
    }

    It 'writes the rows of every statement as objects whose properties are the columns' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName report -JobType SparkSql -Arguments 'SELECT id, name FROM t' -SkipCheck ArgumentCharacters

        $rows = @($job | Wait-MrsJobExecution -PollingInterval 1 | Get-MrsJobSqlResult)

        $rows.Count | Should -Be 3
        $rows[0].result | Should -Be 'succeed'
        $rows[1].id | Should -Be '1'
        $rows[2].name | Should -Be 'b'
    }

    It 'picks one statement with -Statement (negative counts from the end) and groups by statement with -AsStatement' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName report -JobType SparkScript -Arguments 'obs://b/report.sql'
        $null = $job | Wait-MrsJobExecution -PollingInterval 1

        ($job | Get-MrsJobSqlResult -Statement -1).name | Should -Be @('a', 'b')
        ($job | Get-MrsJobSqlResult -Statement 0).result | Should -Be 'succeed'
        $statements = @($job | Get-MrsJobSqlResult -AsStatement)
        $statements.StatementIndex | Should -Be @(0, 1)
        $statements[1].Rows.Count | Should -Be 2
        ($statements | Out-String -Width 200) | Should -Match '1 +2 +id, name'

        $job | Get-MrsJobSqlResult -Statement 5 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsSqlStatementNotFound,*'
        $failures[0].ToString() | Should -Match 'has statement\(s\) 0, 1; there is no statement 5'
    }

    It 'refuses other job types from the pipeline without sending anything' {
        $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName wordcount -JobType MapReduce

        $job | Get-MrsJobSqlResult -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsSqlResultNotAvailable,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ToString() | Should -Match 'is a MapReduce job: only SparkSql and SparkScript jobs have a SQL result'
        (Get-SqlResultRequest).Count | Should -Be 0
    }

    It 'passes on the service''s refusal for a job given by id alone (0179), a running job (0183) and a failed one (0181)' {
        $mapReduce = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName wordcount -JobType MapReduce
        $running = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow -JobType SparkSql -Arguments 'SELECT 1'
        $failed = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName broken -JobType SparkSql -Arguments 'SELECT 1'
        Start-Sleep -Milliseconds 400

        $codes = foreach ($job in $mapReduce, $running, $failed) {
            Get-MrsJobSqlResult -JobId $job.JobId -ClusterId $seed.FullCluster -ErrorVariable failure -ErrorAction SilentlyContinue
            ($failure[0].FullyQualifiedErrorId -split ',')[0]
        }

        $codes | Should -Be @('MrsApiError.0179', 'MrsApiError.0183', 'MrsApiError.0181')
        (Get-SqlResultRequest).Count | Should -Be 3
    }
}
