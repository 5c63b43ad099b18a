#Requires -Version 7.0
# New-MrsJobExecution against the emulator: what a submission returns and what goes on the wire, for
# every job type and every way of giving arguments and properties.

BeforeDiscovery {
    $jobTypes = @(
        @{ JobType = 'MapReduce'; Arguments = @('obs://bucket/hadoop-mapreduce-examples.jar', 'wordcount', 'obs://bucket/input', 'obs://bucket/output') }
        @{ JobType = 'SparkSubmit'; Arguments = @('--class', 'org.apache.spark.examples.SparkPi', '--master', 'yarn', 'obs://bucket/spark-examples.jar', '100') }
        @{ JobType = 'SparkPython'; Arguments = @('--master', 'yarn', 'obs://bucket/pi.py', '10') }
        @{ JobType = 'HiveScript'; Arguments = @('obs://bucket/hive/report.sql') }
        @{ JobType = 'HiveSql'; Arguments = @('-e', 'SELECT count(*) FROM web_logs') }
        @{ JobType = 'DistCp'; Arguments = @('obs://bucket/input', '/user/hive/input') }
        @{ JobType = 'SparkScript'; Arguments = @('op-key1', 'op-value1', 'obs://bucket/sql/test_script.sql') }
        @{ JobType = 'SparkSql'; Arguments = @('-e', 'SHOW TABLES') }
        @{ JobType = 'Flink'; Arguments = @('run', '-d', '-ynm', 'flink_job', 'obs://bucket/flink/WordCount.jar') }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
}

Describe 'New-MrsJobExecution' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
    }

    Context 'job types' {

        It 'submits a <JobType> job to the full cluster and returns its JobSubmitResult' -ForEach $jobTypes {
            $before = [DateTimeOffset]::Now.AddSeconds(-1)
            $name = "test-$($JobType.ToLowerInvariant())"

            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName $name -JobType $JobType -Arguments $Arguments

            $result | Should -HaveCount 1
            $result | Should -BeOfType 'MrsJobs.Core.Models.JobSubmitResult'
            $result.JobId | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            $result.State | Should -Be 'COMPLETE'
            $result.JobName | Should -Be $name
            $result.JobType | Should -Be $JobType
            $result.ClusterId | Should -Be $seed.FullCluster
            $result.ProjectId | Should -Be $seed.ProjectId
            $result.SubmittedAt | Should -BeGreaterThan $before
            $result.SubmittedAt | Should -BeLessThan ([DateTimeOffset]::Now.AddSeconds(1))
            $stored = @(Get-EmulatorJob)
            $stored.Count | Should -Be 1
            $stored[0].job_id | Should -Be $result.JobId
            $stored[0].job_type | Should -Be $(if ($JobType -eq 'SparkPython') { 'SparkSubmit' } else { $JobType })
            $stored[0].arguments | Should -Be $Arguments
        }
    }

    Context 'wire format' {

        It 'posts exactly job_type, job_name, arguments and properties as UTF-8 JSON with the token' {
            $arguments = @('--class', 'org.apache.spark.examples.SparkPi', 'obs://bucket/spark-examples.jar', '100')
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName wire-check -JobType SparkSubmit `
                -Arguments $arguments -Properties ([ordered]@{ 'spark.executor.memory' = '2g'; 'fs.obs.endpoint' = 'obs.cn-north-4.myhuaweicloud.com' })

            $requests = @(Get-EmulatorRequest)
            $requests.Count | Should -Be 1
            $request = $requests[0]
            $request.method | Should -Be 'POST'
            $request.path | Should -BeExactly "/v2/$($seed.ProjectId)/clusters/$($seed.FullCluster)/job-executions"
            $request.query | Should -BeNullOrEmpty
            Get-RequestHeader $request 'X-Auth-Token' | Should -Not -BeNullOrEmpty
            Get-RequestHeader $request 'Content-Type' | Should -BeExactly 'application/json; charset=utf-8'
            $body = ConvertFrom-RequestBody $request
            @($body.Keys | Sort-Object) | Should -Be @('arguments', 'job_name', 'job_type', 'properties')
            $body.job_type | Should -BeExactly 'SparkSubmit'
            $body.job_name | Should -BeExactly 'wire-check'
            $body.arguments | Should -Be $arguments
            $body.properties.Count | Should -Be 2
            $body.properties['spark.executor.memory'] | Should -BeExactly '2g'
            $body.properties['fs.obs.endpoint'] | Should -BeExactly 'obs.cn-north-4.myhuaweicloud.com'
            $request.body | Should -Match '"arguments":\['
            $request.body | Should -Match '"properties":\{'
        }

        It 'sends no member other than the documented ones when arguments and properties are not given' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName bare-job -JobType HiveScript

            $body = ConvertFrom-RequestBody (Get-EmulatorRequest)[0]
            $body.job_type | Should -BeExactly 'HiveScript'
            $body.job_name | Should -BeExactly 'bare-job'
            foreach ($member in $body.Keys) { $member | Should -BeIn 'job_type', 'job_name', 'arguments', 'properties' }
        }

        It 'normalises a lower-case job type to the documented spelling' {
            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName lower-case -JobType sparksql

            (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).job_type | Should -BeExactly 'SparkSql'
            $result.JobType | Should -BeExactly 'SparkSql'
        }

        It 'sends UTF-8 text unchanged' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName utf8 -JobType MapReduce `
                -Arguments @('obs://bucket/数据/输入') -Properties @{ 'mapreduce.job.name' = '日报' }

            $body = ConvertFrom-RequestBody (Get-EmulatorRequest)[0]
            $body.arguments | Should -Be @('obs://bucket/数据/输入')
            $body.properties['mapreduce.job.name'] | Should -BeExactly '日报'
        }
    }

    Context 'native parameters' {

        It 'sends an array item by item, keeping blanks inside an item' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName native-array -JobType HiveSql -Arguments @('-e', 'SELECT 1 FROM t')

            (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).arguments | Should -Be @('-e', 'SELECT 1 FROM t')
        }

        It 'sends a one-item array as a one-item list' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName one-item -JobType HiveScript -Arguments @('obs://bucket/a.sql')

            $body = (Get-EmulatorRequest)[0].body
            $body | Should -Match '"arguments":\["obs://bucket/a.sql"\]'
        }

        It 'sends a hashtable key by key, values as strings' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName native-map -JobType SparkSubmit `
                -Arguments @('obs://bucket/app.jar') -Properties @{ 'spark.executor.instances' = 4; 'spark.dynamicAllocation.enabled' = $true }

            $properties = (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).properties
            $properties['spark.executor.instances'] | Should -BeExactly '4'
            $properties['spark.dynamicAllocation.enabled'] | Should -BeExactly 'True'
        }

        It 'sends the properties of an object such as ConvertFrom-Json gives' {
            $map = '{"spark.executor.memory":"4g","spark.executor.cores":"2"}' | ConvertFrom-Json
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName object-map -JobType SparkSubmit -Arguments 'obs://bucket/app.jar' -Properties $map

            $properties = (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).properties
            $properties['spark.executor.memory'] | Should -BeExactly '4g'
            $properties['spark.executor.cores'] | Should -BeExactly '2'
        }

        It 'sends a single string typed for -Arguments as one argument, as PowerShell users expect' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName typed-string -JobType HiveSql -Arguments 'SELECT COUNT(*) FROM web_logs'

            @((ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).arguments) | Should -Be @('SELECT COUNT(*) FROM web_logs')
        }

        It 'splits a single string that comes from the pipeline into words, as a CSV cell' {
            $null = [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'piped-string'; JobType = 'DistCp'; Arguments = 'obs://a/in  /user/out' } |
                New-MrsJobExecution

            (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).arguments | Should -Be @('obs://a/in', '/user/out')
        }

        It 'sends a single number as one argument, as its text' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName number-arg -JobType MapReduce -Arguments 1000

            (Get-EmulatorRequest)[0].body | Should -Match '"arguments":\["1000"\]'
        }

        It 'takes JSON numbers and booleans in an Arguments or Properties string as their text' {
            $null = [pscustomobject]@{
                ClusterId = $seed.FullCluster; JobName = 'json-scalars'; JobType = 'SparkSubmit'
                Arguments = '["--num", 1000, true]'; Properties = '{"spark.executor.instances": 4, "spark.speculation": false}'
            } | New-MrsJobExecution

            $body = ConvertFrom-RequestBody (Get-EmulatorRequest)[0]
            $body.arguments | Should -Be @('--num', '1000', 'true')
            $body.properties['spark.executor.instances'] | Should -BeExactly '4'
            $body.properties['spark.speculation'] | Should -BeExactly 'false'
        }

        It 'reads key=value pairs with empty values and empty pairs as documented' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName pairs -JobType MapReduce -Properties 'a=1;;b=;c=x=y;'

            $properties = (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).properties
            @($properties.Keys | Sort-Object) | Should -Be @('a', 'b', 'c')
            $properties['a'] | Should -BeExactly '1'
            $properties['b'] | Should -BeExactly ''
            $properties['c'] | Should -BeExactly 'x=y'
        }

        It 'submits two jobs with the same name, since names need not be unique' {
            $results = @(1..2 | ForEach-Object { New-MrsJobExecution -ClusterId $seed.FullCluster -JobName same-name -JobType MapReduce })

            $results.State | Should -Be @('COMPLETE', 'COMPLETE')
            $results[0].JobId | Should -Not -Be $results[1].JobId
        }

        It 'binds jobs from objects in the pipeline by property name, in order' {
            $jobs = 1..3 | ForEach-Object { [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = "piped-$_"; JobType = 'DistCp'; Arguments = @('obs://a', "/b/$_") } }

            $results = @($jobs | New-MrsJobExecution)

            $results.JobName | Should -Be @('piped-1', 'piped-2', 'piped-3')
            # Sent in parallel (-ThrottleLimit 8): the service may get them in any order; the results keep the input's.
            @(Get-EmulatorRequest | ForEach-Object { (ConvertFrom-RequestBody $_).job_name } | Sort-Object) | Should -Be @('piped-1', 'piped-2', 'piped-3')
        }
    }
}
