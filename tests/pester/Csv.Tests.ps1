#Requires -Version 7.0
# Import-Csv | New-MrsJobExecution: column names and both notations of each cell.

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

    Context 'column names' {

        It 'binds the API''s snake_case columns (cluster_id, job_name, job_type, arguments, properties)' {
            $csv = New-JobCsv 'snake.csv' @(
                'cluster_id,job_name,job_type,arguments,properties'
                "$full,snake-1,SparkSubmit,--class org.apache.spark.examples.SparkPi obs://bucket/spark-examples.jar 100,spark.executor.memory=2g"
                "$full,snake-2,DistCp,obs://bucket/in /user/out,"
            )

            $results = @(Import-Csv $csv | New-MrsJobExecution)

            $results.JobName | Should -Be @('snake-1', 'snake-2')
            $results.State | Should -Be @('COMPLETE', 'COMPLETE')
            $results.ClusterId | Should -Be @($full, $full)
            $bodies = Get-SentBody
            $bodies[0].job_type | Should -BeExactly 'SparkSubmit'
            $bodies[0].arguments | Should -Be @('--class', 'org.apache.spark.examples.SparkPi', 'obs://bucket/spark-examples.jar', '100')
            $bodies[0].properties['spark.executor.memory'] | Should -BeExactly '2g'
            $bodies[1].arguments | Should -Be @('obs://bucket/in', '/user/out')
        }

        It 'binds PascalCase columns (ClusterId, JobName, JobType, Arguments, Properties)' {
            $csv = New-JobCsv 'pascal.csv' @(
                'ClusterId,JobName,JobType,Arguments,Properties'
                "$full,pascal-1,HiveScript,obs://bucket/report.sql,hive.exec.parallel=true"
            )

            $results = @(Import-Csv $csv | New-MrsJobExecution)

            $results.JobName | Should -Be @('pascal-1')
            $body = (Get-SentBody)[0]
            $body.job_type | Should -BeExactly 'HiveScript'
            $body.arguments | Should -Be @('obs://bucket/report.sql')
            $body.properties['hive.exec.parallel'] | Should -BeExactly 'true'
        }

        It 'binds the seed''s column name arg, and still sends the member arguments' {
            $csv = New-JobCsv 'arg.csv' @(
                'cluster_id,job_name,job_type,arg'
                "$full,seed-typo,SparkScript,op-key1 op-value1 obs://obs-test/sql/test_script.sql"
            )

            $null = Import-Csv $csv | New-MrsJobExecution

            $request = (Get-EmulatorRequest)[0]
            $body = ConvertFrom-RequestBody $request
            $body.arguments | Should -Be @('op-key1', 'op-value1', 'obs://obs-test/sql/test_script.sql')
            $request.body | Should -Not -Match '"arg"'
        }

        It 'ignores columns the cmdlet does not know' {
            $csv = New-JobCsv 'extra.csv' @(
                'owner,cluster_id,job_name,job_type,comment'
                "ops,$full,extra-columns,MapReduce,runs nightly"
            )

            $results = @(Import-Csv $csv | New-MrsJobExecution)

            $results.State | Should -Be @('COMPLETE')
            @((Get-SentBody)[0].Keys | Sort-Object) | Should -Be @('arguments', 'job_name', 'job_type', 'properties')
        }

        It 'sends empty cells as an empty arguments array and an empty properties object' {
            $csv = New-JobCsv 'empty.csv' @(
                'cluster_id,job_name,job_type,arguments,properties'
                "$full,empty-cells,HiveScript,,"
            )

            $null = Import-Csv $csv | New-MrsJobExecution

            (Get-EmulatorRequest)[0].body | Should -BeExactly '{"job_type":"HiveScript","job_name":"empty-cells","arguments":[],"properties":{}}'
        }
    }

    Context 'cell notations' {

        It 'reads an Arguments cell as a JSON array or as whitespace-separated words, with the same result' {
            $csv = New-JobCsv 'arguments.csv' @(
                'cluster_id,job_name,job_type,arguments'
                "$full,args-json,SparkSubmit,""[""""--class"""",""""org.apache.spark.examples.SparkPi"""",""""obs://bucket/app.jar"""",""""100""""]"""
                "$full,args-words,SparkSubmit,--class   org.apache.spark.examples.SparkPi obs://bucket/app.jar	100"
            )

            $null = Import-Csv $csv | New-MrsJobExecution

            $bodies = Get-SentBody
            $expected = @('--class', 'org.apache.spark.examples.SparkPi', 'obs://bucket/app.jar', '100')
            $bodies[0].arguments | Should -Be $expected
            $bodies[1].arguments | Should -Be $expected
        }

        It 'keeps blanks inside an argument written in JSON' {
            $csv = New-JobCsv 'blanks.csv' @(
                'cluster_id,job_name,job_type,arguments'
                "$full,hive-e,HiveSql,""[""""-e"""",""""SELECT count(*) FROM web_logs""""]"""
            )

            $null = Import-Csv $csv | New-MrsJobExecution

            (Get-SentBody)[0].arguments | Should -Be @('-e', 'SELECT count(*) FROM web_logs')
        }

        It 'reads a Properties cell as a JSON object or as key=value pairs, with the same result' {
            $csv = New-JobCsv 'properties.csv' @(
                'cluster_id,job_name,job_type,properties'
                "$full,props-json,SparkSubmit,""{""""spark.executor.memory"""":""""2g"""",""""spark.executor.cores"""":""""2""""}"""
                "$full,props-pairs,SparkSubmit,spark.executor.memory=2g; spark.executor.cores = 2"
            )

            $null = Import-Csv $csv | New-MrsJobExecution

            $bodies = Get-SentBody
            $bodies.Count | Should -Be 2
            foreach ($body in $bodies) {
                $body.properties.Count | Should -Be 2
                $body.properties['spark.executor.memory'] | Should -BeExactly '2g'
                $body.properties['spark.executor.cores'] | Should -BeExactly '2'
            }
        }

        It 'reads key=value pairs written on separate lines of one cell' {
            $csv = New-JobCsv 'multiline.csv' @(
                'cluster_id,job_name,job_type,properties'
                "$full,multi-line,SparkSubmit,""spark.executor.memory=2g"
                'spark.executor.cores=2"'
            )

            $null = Import-Csv $csv | New-MrsJobExecution

            $properties = (Get-SentBody)[0].properties
            $properties['spark.executor.memory'] | Should -BeExactly '2g'
            $properties['spark.executor.cores'] | Should -BeExactly '2'
        }

        It 'keeps everything after the first = in a key=value pair' {
            $csv = New-JobCsv 'equals.csv' @(
                'cluster_id,job_name,job_type,properties'
                "$full,java-opts,MapReduce,mapreduce.map.java.opts=-Xmx1g -Dlog.level=INFO"
            )

            $null = Import-Csv $csv | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures.Count | Should -Be 0
            (Get-SentBody)[0].properties['mapreduce.map.java.opts'] | Should -BeExactly '-Xmx1g -Dlog.level=INFO'
        }
    }
}
