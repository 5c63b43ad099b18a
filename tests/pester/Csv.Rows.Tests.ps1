#Requires -Version 7.0
# Import-Csv | New-MrsJobExecution: good and bad rows in one file, and the chain back to a CSV.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $cmdletId = 'MrsJobs.Commands.NewMrsJobExecutionCommand'
}

Describe 'New-MrsJobExecution from a CSV' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        $full = $seed.FullCluster
    }

    Context 'good and bad rows' {

        It 'submits the good rows in order, reports each bad row once by row number and job name, and sends nothing for it' {
            $csv = New-JobCsv 'mixed.csv' @(
                'cluster_id,job_name,job_type,arguments,properties'
                "$full,good-1,MapReduce,obs://bucket/app.jar wordcount,"
                "$full,bad name,MapReduce,obs://bucket/app.jar,"
                "$full,good-3,SparkSql,-e SHOW,"
                "$full,bad-args,HiveSql,-e SELECT;1,"
                "$full,bad-type,Pig,,"
                "$full,good-6,Flink,run obs://bucket/flink.jar,parallelism=2"
            )

            $results = @(Import-Csv $csv | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $results.JobName | Should -Be @('good-1', 'good-3', 'good-6')
            $results.State | Should -Be @('COMPLETE', 'COMPLETE', 'COMPLETE')
            @(Get-EmulatorRequest).Count | Should -Be 3
            (Get-SentBody).job_name | Should -Be @('good-1', 'good-3', 'good-6')
            $failures.Count | Should -Be 3
            $failures.FullyQualifiedErrorId | Should -Be @(
                "InvalidJobDefinition.JobName,$cmdletId"
                "InvalidJobDefinition.ArgumentCharacters,$cmdletId"
                "InvalidJobDefinition.JobType,$cmdletId")
            $failures[0].Exception.Message | Should -BeLike "Row 2 (job 'bad name')*job_name*"
            $failures[1].Exception.Message | Should -BeLike "Row 4 (job 'bad-args')*arguments*"
            $failures[2].Exception.Message | Should -BeLike "Row 5 (job 'bad-type')*job_type*"
            $failures.TargetObject.Row | Should -Be @(2, 4, 5)
            $failures.TargetObject.JobName | Should -Be @('bad name', 'bad-args', 'bad-type')
        }

        It 'reports a row with <Case> as InvalidJobDefinition.<Rule> and still submits the row after it' -ForEach @(
            @{
                Case = 'a bad JSON Arguments cell'; Rule = 'ArgumentsFormat'; Message = "Row 1 (job 'broken-json')*arguments*JSON*"
                Lines = @('cluster_id,job_name,job_type,arguments'
                    '{full},broken-json,SparkSubmit,"[""--class"", ""Pi"""'
                    '{full},after-broken,SparkSubmit,"[""--class"",""Pi""]"')
                Submitted = 'after-broken'; SentArguments = @('--class', 'Pi')
            }
            @{
                Case = 'a bad JSON Properties cell'; Rule = 'PropertiesFormat'; Message = "Row 1 (job 'broken-props')*properties*"
                Lines = @('cluster_id,job_name,job_type,properties'
                    '{full},broken-props,SparkSubmit,"{""a"": 1"'
                    '{full},good-props,SparkSubmit,a=1')
                Submitted = 'good-props'; SentArguments = $null
            }
            @{
                Case = 'an empty job name cell'; Rule = 'JobNameRequired'; Message = 'Row 1 *job_name*'
                Lines = @('cluster_id,job_name,job_type'
                    '{full},,MapReduce'
                    '{full},named,MapReduce')
                Submitted = 'named'; SentArguments = $null
            }
        ) {
            $csv = New-JobCsv "$Rule.csv" @($Lines | ForEach-Object { $_.Replace('{full}', $full) })

            $results = @(Import-Csv $csv | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.$Rule,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $failures[0].Exception.Message | Should -BeLike $Message
            $results.JobName | Should -Be @($Submitted)
            if ($SentArguments) { (Get-SentBody)[0].arguments | Should -Be $SentArguments }
        }

        It 'reports a row refused by the service with its job name and goes on with the next rows' {
            $csv = New-JobCsv 'refused.csv' @(
                'cluster_id,job_name,job_type'
                "$full,first,HiveSql"
                "$($seed.NoHiveCluster),no-hive,HiveSql"
                "$full,third,HiveSql"
            )

            $results = @(Import-Csv $csv | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $results.JobName | Should -Be @('first', 'third')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsApiError.0168,$cmdletId"
            $failures[0].TargetObject.JobName | Should -Be 'no-hive'
            @(Get-EmulatorRequest).Count | Should -Be 3
        }

        It 'does not let a bad cell of one row leak into the next row' {
            $csv = New-JobCsv 'leak.csv' @(
                'cluster_id,job_name,job_type,arguments,properties'
                "$full,bad-cell,MapReduce,""[1,"",a=1"
                "$full,clean-row,MapReduce,x y,b=2"
            )

            $null = Import-Csv $csv | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures.Count | Should -Be 1
            $body = (Get-SentBody)[0]
            $body.job_name | Should -BeExactly 'clean-row'
            $body.arguments | Should -Be @('x', 'y')
            @($body.properties.Keys) | Should -Be @('b')
        }
    }

    Context 'the chain back to a CSV' {

        It 'gives a readable CSV from Import-Csv | New-MrsJobExecution | Export-Csv' {
            $csv = New-JobCsv 'in.csv' @(
                'cluster_id,job_name,job_type,arguments'
                "$full,chain-1,MapReduce,obs://bucket/app.jar"
                "$full,chain-2,SparkPython,obs://bucket/pi.py"
            )
            $out = Join-Path $TestDrive 'out.csv'

            Import-Csv $csv | New-MrsJobExecution | Export-Csv -Path $out -NoTypeInformation

            $rows = @(Import-Csv $out)
            $rows.Count | Should -Be 2
            $columns = $rows[0].PSObject.Properties.Name
            foreach ($column in 'JobId', 'State', 'JobName', 'JobType', 'ClusterId', 'ProjectId', 'SubmittedAt') { $columns | Should -Contain $column }
            $rows.JobName | Should -Be @('chain-1', 'chain-2')
            $rows.JobType | Should -Be @('MapReduce', 'SparkPython')
            $rows.State | Should -Be @('COMPLETE', 'COMPLETE')
            $rows.JobId | Should -Be (Get-EmulatorJob).job_id
            [DateTimeOffset]::Parse($rows[0].SubmittedAt, [cultureinfo]::InvariantCulture) | Should -BeOfType [DateTimeOffset]
            Get-Content $out -Raw | Should -Not -Match 'System\.|MrsJobs\.Core'
        }
    }
}
