#Requires -Version 7.0
# New-MrsJobExecution against the emulator: job types, wire format, the documented contract, -WhatIf and every error code.

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

    # Each broken rule: what to change in a good job, the rule name in the ErrorId, and the field the message names.
    $brokenRules = @(
        @{ Case = 'an unknown job type'; Rule = 'JobType'; Field = 'job_type'; Change = @{ JobType = 'Pig' } }
        @{ Case = 'an empty job type'; Rule = 'JobTypeRequired'; Field = 'job_type'; Change = @{ JobType = '' } }
        @{ Case = 'a job name with a blank'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'nightly report' } }
        @{ Case = 'a job name with a dot'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'etl.daily' } }
        @{ Case = 'a job name with a non-ASCII letter'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'jöb' } }
        @{ Case = 'a job name of 65 characters'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'a' * 65 } }
        @{ Case = 'an empty job name'; Rule = 'JobNameRequired'; Field = 'job_name'; Change = @{ JobName = '' } }
        @{ Case = 'an empty cluster id'; Rule = 'ClusterIdRequired'; Field = 'cluster_id'; Change = @{ ClusterId = '' } }
        @{ Case = 'a cluster id with a slash'; Rule = 'ClusterIdFormat'; Field = 'cluster_id'; Change = @{ ClusterId = '../other' } }
        @{ Case = 'arguments of 4097 characters'; Rule = 'ArgumentLength'; Field = 'arguments'; Change = @{ Arguments = @(('x' * 4000), ('y' * 97)) } }
        @{ Case = 'a null argument'; Rule = 'ArgumentNull'; Field = 'arguments'; Change = @{ Arguments = @('a', $null) } }
        @{ Case = 'properties of 2049 characters'; Rule = 'PropertyLength'; Field = 'properties'; Change = @{ Properties = @{ k = 'v' * 2048 } } }
        @{ Case = 'a property with a blank key'; Rule = 'PropertyKeyRequired'; Field = 'properties'; Change = @{ Properties = @{ ' ' = 'v' } } }
        @{ Case = 'a property with a null value'; Rule = 'PropertyValueNull'; Field = 'properties'; Change = @{ Properties = @{ k = $null } } }
        @{ Case = 'a forbidden character in a property key'; Rule = 'PropertyCharacters'; Field = 'properties'; Change = @{ Properties = @{ 'a<b' = 'v' } } }
        @{ Case = 'an Arguments cell that is broken JSON'; Rule = 'ArgumentsFormat'; Field = 'arguments'; Change = @{ Arguments = '["a", 1' } }
        @{ Case = 'an Arguments cell with a JSON object item'; Rule = 'ArgumentsFormat'; Field = 'arguments'; Change = @{ Arguments = '[{"a":1}]' } }
        @{ Case = 'a Properties cell that is broken JSON'; Rule = 'PropertiesFormat'; Field = 'properties'; Change = @{ Properties = '{"a":' } }
        @{ Case = 'a Properties cell with a pair lacking =' ; Rule = 'PropertiesFormat'; Field = 'properties'; Change = @{ Properties = 'a=1;novalue' } }
        @{ Case = 'a Properties cell with pairs glued by a space'; Rule = 'PropertiesFormat'; Field = 'properties'; Change = @{ Properties = 'a=1 b=2' } }
        @{ Case = 'a Properties cell with a key given twice'; Rule = 'PropertiesFormat'; Field = 'properties'; Change = @{ Properties = 'a=1;a=2' } }
        @{ Case = 'an Arguments cell with a JSON null item'; Rule = 'ArgumentsFormat'; Field = 'arguments'; Change = @{ Arguments = '["a", null]' } }
        @{ Case = 'an Arguments cell with a nested JSON array'; Rule = 'ArgumentsFormat'; Field = 'arguments'; Change = @{ Arguments = '[["a"]]' } }
        @{ Case = 'a Properties cell with a JSON null value'; Rule = 'PropertiesFormat'; Field = 'properties'; Change = @{ Properties = '{"a":null}' } }
        @{ Case = 'a Properties cell with a JSON object value'; Rule = 'PropertiesFormat'; Field = 'properties'; Change = @{ Properties = '{"a":{"b":"c"}}' } }
    )
    foreach ($character in ';', '|', '&', '>', "'", '<', '$', '!', '"') {
        $brokenRules += @{ Case = "the character $character in an argument"; Rule = 'ArgumentCharacters'; Field = 'arguments'; Change = @{ Arguments = @('ok', "a${character}b") } }
    }
    foreach ($character in '>', '<', '|', "'", '`', '&', '!', '"') {
        $brokenRules += @{ Case = "the character $character in a property value"; Rule = 'PropertyCharacters'; Field = 'properties'; Change = @{ Properties = @{ 'mapreduce.job.name' = "a${character}b" } } }
    }

    $componentErrors = @(
        @{ Code = '0168'; JobType = 'HiveSql'; Cluster = 'NoHiveCluster'; Category = 'NotInstalled'; Says = '不能提交Hive相关作业'; Advice = 'Hive is not installed' }
        @{ Code = '0168'; JobType = 'HiveScript'; Cluster = 'HadoopCluster'; Category = 'NotInstalled'; Says = '不能提交Hive相关作业'; Advice = 'Hive is not installed' }
        @{ Code = '0169'; JobType = 'Flink'; Cluster = 'NoHiveCluster'; Category = 'NotInstalled'; Says = '不能提交Flink相关作业'; Advice = 'Flink is not installed' }
        @{ Code = '0057'; JobType = 'SparkSubmit'; Cluster = 'HadoopCluster'; Category = 'NotInstalled'; Says = '不能提交Spark相关作业'; Advice = 'Spark is not installed' }
        @{ Code = '0057'; JobType = 'SparkSql'; Cluster = 'HadoopCluster'; Category = 'NotInstalled'; Says = '不能提交Spark相关作业'; Advice = 'Spark is not installed' }
    )

    $queuedFaults = @(
        @{ Code = '0173'; Status = 500; Shape = 'job_submit_result'; Category = 'InvalidOperation'; Says = 'Failed to submit the job.' }
        @{ Code = '0202'; Status = 500; Shape = 'job_submit_result'; Category = 'LimitsExceeded'; Says = 'Too many jobs are being submitted. Try again later.' }
        @{ Code = '0177'; Status = 500; Shape = 'job_submit_result'; Category = 'LimitsExceeded'; Says = 'The number of running jobs exceeds the limit.' }
        @{ Code = '0056'; Status = 500; Shape = 'job_submit_result'; Category = 'ResourceUnavailable'; Says = 'The cluster state does not allow jobs.' }
        @{ Code = '0168'; Status = 400; Shape = 'canonical'; Category = 'NotInstalled'; Says = 'Hive jobs cannot be submitted.' }
        @{ Code = '0173'; Status = 400; Shape = 'canonical'; Category = 'InvalidOperation'; Says = 'Failed to submit the job.' }
        @{ Code = '12000060'; Status = 500; Shape = 'apig'; Category = 'LimitsExceeded'; Says = 'Too many running jobs.' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    $cmdletId = 'MrsJobs.Commands.NewMrsJobExecutionCommand'

    function New-GoodJob([hashtable] $Change = @{}) {
        $job = @{ ClusterId = $seed.FullCluster; JobName = 'contract-check'; JobType = 'MapReduce'; Arguments = @('obs://bucket/app.jar', 'wordcount') }
        foreach ($key in $Change.Keys) { $job[$key] = $Change[$key] }
        $job
    }
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

        It 'splits a single string typed for -Arguments into words, as documented' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName typed-string -JobType DistCp -Arguments 'obs://a/in  /user/out'

            (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).arguments | Should -Be @('obs://a/in', '/user/out')
        }

        It 'sends a single number as one argument, as its text' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName number-arg -JobType MapReduce -Arguments 1000

            (Get-EmulatorRequest)[0].body | Should -Match '"arguments":\["1000"\]'
        }

        It 'takes JSON numbers and booleans in an Arguments or Properties string as their text' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName json-scalars -JobType SparkSubmit `
                -Arguments '["--num", 1000, true]' -Properties '{"spark.executor.instances": 4, "spark.speculation": false}'

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
            @(Get-EmulatorRequest | ForEach-Object { (ConvertFrom-RequestBody $_).job_name }) | Should -Be @('piped-1', 'piped-2', 'piped-3')
        }
    }

    Context 'the documented contract, checked before sending' {

        It 'reports <Case> as InvalidJobDefinition.<Rule> and sends nothing' -ForEach $brokenRules {
            $job = New-GoodJob $Change

            $output = @(New-MrsJobExecution @job -ErrorAction SilentlyContinue -ErrorVariable failures)

            $output.Count | Should -Be 0
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.$Rule,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $failures[0].Exception.Message | Should -BeLike "*${Field}:*"
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'accepts the limits themselves: a 64-character name, 4096 characters of arguments, 2048 of properties' {
            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ('n' * 64) -JobType MapReduce `
                -Arguments @(('x' * 4000), ('y' * 96)) -Properties @{ k = 'v' * 2047 }

            $result.State | Should -Be 'COMPLETE'
            @(Get-EmulatorRequest).Count | Should -Be 1
        }

        It 'is a non-terminating error: the jobs after a broken one are still submitted' {
            $jobs = @(
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'bad name'; JobType = 'MapReduce' }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'good-after'; JobType = 'MapReduce' }
            )

            $results = @($jobs | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $results.JobName | Should -Be @('good-after')
            $failures.Count | Should -Be 1
            @(Get-EmulatorRequest).Count | Should -Be 1
        }

        It 'names the field, the rule and how to skip it, but not the secret value' {
            $secret = 'S3cr3t!Value'
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName leaky -JobType MapReduce `
                -Properties @{ 'fs.obs.secret.key' = $secret } -ErrorAction SilentlyContinue -ErrorVariable failures

            $text = $failures[0] | Out-String
            $failures[0].Exception.Message | Should -BeLike "*Job 'leaky'*"
            $failures[0].Exception.Message | Should -BeLike '*properties*fs.obs.secret.key*'
            $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*-SkipCheck PropertyCharacters*'
            $text + $failures[0].Exception.Message | Should -Not -BeLike "*$secret*"
        }

        It 'lists every broken rule of a job in its one error' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName 'bad name' -JobType Pig -Arguments 'a;b' `
                -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.JobType,$cmdletId"
            $failures[0].Exception.Message | Should -BeLike '*job_type:*job_name:*arguments:*'
        }

        It 'sends the seed''s HiveSql statement with -SkipCheck ArgumentCharacters when the service allows it' {
            Set-EmulatorSetting @{ argument_character_check = $false }
            $statement = 'DROP TABLE IF EXISTS src_wordcount;create external table src_wordcount(line string) row format delimited fields terminated by "\n" stored as textfile location "obs://obs-test/input/";insert into src_wordcount values("v1")'

            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName HiveSqlTest -JobType HiveSql -Arguments @($statement) -SkipCheck ArgumentCharacters

            $result.State | Should -Be 'COMPLETE'
            (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).arguments | Should -Be @($statement)
        }

        It 'sends an unknown job type as typed with -SkipCheck JobType, and reports the service''s refusal' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName new-type -JobType Presto -SkipCheck JobType `
                -ErrorAction SilentlyContinue -ErrorVariable failures

            (ConvertFrom-RequestBody (Get-EmulatorRequest)[0]).job_type | Should -BeExactly 'Presto'
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsApiError.12000002,$cmdletId"
        }

        It 'skips every skippable rule with -SkipCheck All, but not the required fields' {
            Set-EmulatorSetting @{ argument_character_check = $false }
            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName all-skipped -JobType HiveSql -Arguments @('-e', 'SELECT 1; SELECT 2') -SkipCheck All
            $result.State | Should -Be 'COMPLETE'

            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName '' -JobType HiveSql -SkipCheck All -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.JobNameRequired,$cmdletId"
            @(Get-EmulatorRequest).Count | Should -Be 1
        }

        It 'still checks the other rules with -SkipCheck ArgumentCharacters' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName 'bad name' -JobType HiveSql -Arguments @('-e', 'SELECT 1;') `
                -SkipCheck ArgumentCharacters -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.JobName,$cmdletId"
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'reports the service''s own refusal when a skipped rule is enforced there (12000002)' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName skipped -JobType HiveSql -Arguments @('-e', 'SELECT 1;') `
                -SkipCheck ArgumentCharacters -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsApiError.12000002,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].Exception.Message | Should -BeLike '*arguments*'
            @(Get-EmulatorRequest).Count | Should -Be 1
        }
    }

    Context 'not connected' {

        It 'stops with MrsNotConnected, telling to run Connect-MrsProject, when no session exists' {
            $run = Invoke-InNewRunspace {
                param($ClusterId)
                New-MrsJobExecution -ClusterId $ClusterId -JobName no-session -JobType MapReduce -ErrorAction SilentlyContinue
                'after'
            } -ArgumentList $seed.FullCluster

            $run.Output | Should -Not -Contain 'after'
            $run.Caught | Should -Not -BeNullOrEmpty
            $run.Caught.FullyQualifiedErrorId | Should -BeExactly "MrsNotConnected,$cmdletId"
            $run.Caught.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $run.Caught.Exception.Message | Should -BeLike '*Connect-MrsProject*'
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'stops before the first row of a pipeline when no session exists' {
            $run = Invoke-InNewRunspace {
                param($ClusterId)
                @(
                    [pscustomobject]@{ ClusterId = $ClusterId; JobName = 'first'; JobType = 'MapReduce' }
                    [pscustomobject]@{ ClusterId = $ClusterId; JobName = 'bad name'; JobType = 'MapReduce' }
                ) | New-MrsJobExecution
            } -ArgumentList $seed.FullCluster

            $run.Caught.FullyQualifiedErrorId | Should -BeExactly "MrsNotConnected,$cmdletId"
            $run.Output.Count | Should -Be 0
        }
    }

    Context '-WhatIf' {

        It 'checks every row, reports the broken ones and sends nothing' {
            $jobs = @(
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'dry-1'; JobType = 'MapReduce' }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'dry 2'; JobType = 'MapReduce' }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'dry-3'; JobType = 'Pig' }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'dry-4'; JobType = 'HiveSql' }
            )

            $output = @($jobs | New-MrsJobExecution -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failures)

            $output.Count | Should -Be 0
            $failures.Count | Should -Be 2
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.JobName,$cmdletId"
            $failures[0].Exception.Message | Should -BeLike "*Row 2*dry 2*"
            $failures[1].FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.JobType,$cmdletId"
            $failures[1].Exception.Message | Should -BeLike "*Row 3*dry-3*"
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'works without any session' {
            $run = Invoke-InNewRunspace {
                param($ClusterId)
                @(
                    [pscustomobject]@{ ClusterId = $ClusterId; JobName = 'dry-ok'; JobType = 'MapReduce' }
                    [pscustomobject]@{ ClusterId = $ClusterId; JobName = 'dry bad'; JobType = 'MapReduce' }
                ) | New-MrsJobExecution -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failures
                $failures | ForEach-Object FullyQualifiedErrorId
            } -ArgumentList $seed.FullCluster

            $run.Caught | Should -BeNullOrEmpty
            $run.Output | Should -Be @("InvalidJobDefinition.JobName,$cmdletId")
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'honours $WhatIfPreference as well' {
            $run = Invoke-InNewRunspace {
                param($ClusterId)
                $WhatIfPreference = $true
                New-MrsJobExecution -ClusterId $ClusterId -JobName preference -JobType MapReduce
                'done'
            } -ArgumentList $seed.FullCluster

            $run.Caught | Should -BeNullOrEmpty
            $run.Output | Should -Be @('done')
            @(Get-EmulatorRequest).Count | Should -Be 0
        }
    }

    Context 'refusals by the service' {

        BeforeAll {
            function Assert-Refusal($Failure, [string] $Code, [string] $Category, [string] $JobName, [string] $ClusterId) {
                $Failure.FullyQualifiedErrorId | Should -BeExactly "MrsApiError.$Code,$cmdletId"
                $Failure.CategoryInfo.Category | Should -Be $Category
                $Failure.Exception.Message | Should -BeLike "*$Code*"
                $Failure.TargetObject | Should -BeOfType 'MrsJobs.Core.Models.JobSubmitResult'
                $Failure.TargetObject.State | Should -Be 'FAILED'
                $Failure.TargetObject.ErrorCode | Should -Be $Code
                $Failure.TargetObject.JobName | Should -Be $JobName
                $Failure.TargetObject.JobId | Should -BeNullOrEmpty
                $Failure.TargetObject.ClusterId | Should -Be $ClusterId
                $Failure.TargetObject.ProjectId | Should -Be $seed.ProjectId
            }
        }

        It 'reports <Code> for a <JobType> job on a cluster without the component, and goes on' -ForEach $componentErrors {
            $clusterId = $seed.$Cluster
            $jobs = @(
                [pscustomobject]@{ ClusterId = $clusterId; JobName = 'refused-job'; JobType = $JobType }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'next-job'; JobType = $JobType }
            )

            $results = @($jobs | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $failures.Count | Should -Be 1
            Assert-Refusal $failures[0] $Code $Category 'refused-job' $clusterId
            $failures[0].Exception.Message | Should -BeLike "*$Says*"
            $failures[0].Exception.Message | Should -BeLike "*$Advice*"
            $failures[0].TargetObject.ErrorMessage | Should -Be $Says
            $results.JobName | Should -Be @('next-job')
        }

        It 'reports 0192 with the IAM user synchronization advice for a user not synchronized to the cluster' {
            Connect-TestProject -User $seed.UnsyncedUser -Password $seed.UnsyncedPass

            $output = @(New-MrsJobExecution -ClusterId $seed.FullCluster -JobName unsynced -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures)

            $output.Count | Should -Be 0
            $failures.Count | Should -Be 1
            Assert-Refusal $failures[0] '0192' 'PermissionDenied' 'unsynced' $seed.FullCluster
            $failures[0].Exception.Message | Should -BeLike '*Overview*'
            $failures[0].Exception.Message | Should -BeLike '*IAM User Sync*'
        }

        It 'reports 12000003 naming the cluster when the cluster does not exist' {
            $missing = '00000000-1111-2222-3333-444444444444'

            $null = New-MrsJobExecution -ClusterId $missing -JobName lost -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures.Count | Should -Be 1
            Assert-Refusal $failures[0] '12000003' 'ObjectNotFound' 'lost' $missing
            $failures[0].Exception.Message | Should -BeLike "*$missing*"
        }

        It 'reports a queued <Code> (HTTP <Status>, <Shape> body) as <Category>, and goes on' -ForEach $queuedFaults {
            Add-EmulatorFault @{ cluster_id = $seed.FullCluster; count = 1; status = $Status; error_code = $Code; error_msg = $Says; shape = $Shape }
            $jobs = @(
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'faulted'; JobType = 'MapReduce' }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'after-fault'; JobType = 'MapReduce' }
            )

            $results = @($jobs | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $failures.Count | Should -Be 1
            Assert-Refusal $failures[0] $Code $Category 'faulted' $seed.FullCluster
            $failures[0].Exception.Message | Should -BeLike "*$Says*"
            $results.JobName | Should -Be @('after-fault')
            @(Get-EmulatorRequest).Count | Should -Be 2
        }

        It 'names only commands that exist in the advice for a missing cluster' {
            $null = New-MrsJobExecution -ClusterId 'no-such-cluster' -JobName lost -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures

            $named = [regex]::Matches($failures[0].Exception.Message, '\b[A-Z][a-z]+-Mrs[A-Za-z]+\b').Value
            foreach ($command in $named) {
                Get-Command $command -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "the advice tells the user to run $command"
            }
        }

        It 'reports a refusal that comes with HTTP 200 (error_code in job_submit_result) as an error, not a result' {
            Add-EmulatorFault @{ cluster_id = $seed.FullCluster; status = 200; error_code = '0173'; error_msg = 'Failed to submit the job.'; shape = 'job_submit_result' }

            $output = @(New-MrsJobExecution -ClusterId $seed.FullCluster -JobName ok-but-not -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures)

            $output.Count | Should -Be 0
            Assert-Refusal $failures[0] '0173' 'InvalidOperation' 'ok-but-not' $seed.FullCluster
        }

        It 'reports 0167 (v2 job API not available) with its code' {
            Add-EmulatorFault @{ cluster_id = $seed.FullCluster; status = 500; error_code = '0167'; error_msg = 'The v2 job API cannot be accessed.'; shape = 'canonical' }

            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName old-cluster -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures

            Assert-Refusal $failures[0] '0167' 'InvalidOperation' 'old-cluster' $seed.FullCluster
        }

        It 'reports gateway throttling (APIGW.0308, HTTP 429) as LimitsExceeded, and goes on' {
            Add-EmulatorFault @{ cluster_id = $seed.FullCluster; count = 20; status = 429; error_code = 'APIGW.0308'; error_msg = 'The throttling threshold has been reached.'; shape = 'apig' }

            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName throttled -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures
            $next = New-MrsJobExecution -ClusterId $seed.HadoopCluster -JobName not-throttled -JobType MapReduce

            Assert-Refusal $failures[0] 'APIGW.0308' 'LimitsExceeded' 'throttled' $seed.FullCluster
            $next.State | Should -Be 'COMPLETE'
        }

        It 'refuses locally with MrsSessionExpired, sending nothing, once a password session''s token has expired' {
            Set-EmulatorSetting @{ token_lifetime_seconds = 1 }
            Connect-TestProject
            Start-Sleep -Milliseconds 1500
            Invoke-MrsEmulatorControl -Url $url -Method Delete -Path 'requests'

            $output = @(try { New-MrsJobExecution -ClusterId $seed.FullCluster -JobName too-late -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures } catch { $failures = @($_) })

            $output.Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsSessionExpired,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'sends no later job once the service has refused the token as expired' {
            $token = New-EmulatorToken -LifetimeSeconds 0
            Connect-MrsProject -Token $token.token -ProjectId $seed.ProjectId -Endpoint $url
            $jobs = @(
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'expired-1'; JobType = 'MapReduce' }
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'expired-2'; JobType = 'MapReduce' }
            )

            $output = @(try { $jobs | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures } catch { $failures = @($_) })

            $output.Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsApiError.APIGW.0307,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failures[0].Exception.Message | Should -BeLike '*Connect-MrsProject*'
            @(Get-EmulatorRequest).Count | Should -Be 1
        }

        It 'reports every later row as not sent, without sending it, once the token is refused (<Code>)' -ForEach @(
            @{ Code = 'APIGW.0307'; Make = { Connect-MrsProject -Token (New-EmulatorToken -LifetimeSeconds 0).token -ProjectId $seed.ProjectId -Endpoint $url } }
            @{ Code = 'APIGW.0301'; Make = { Connect-MrsProject -Token 'MIInot-a-real-token' -ProjectId $seed.ProjectId -Endpoint $url } }
            @{ Code = '12000001'; Make = { Connect-MrsProject -Token (New-EmulatorToken -ProjectId $seed.OtherProjectId).token -ProjectId $seed.ProjectId -Endpoint $url } }
        ) {
            & $Make
            $jobs = 1..3 | ForEach-Object { [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = "auth-$_"; JobType = 'MapReduce' } }

            $output = @($jobs | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $output.Count | Should -Be 0
            $failures.Count | Should -Be 3
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsApiError.$Code,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failures[1..2].FullyQualifiedErrorId | Should -Be @("MrsJobNotSentAfterAuthenticationFailure,$cmdletId", "MrsJobNotSentAfterAuthenticationFailure,$cmdletId")
            $failures[2].Exception.Message | Should -BeLike "Row 3 (job 'auth-3')*Connect-MrsProject*"
            $failures[2].TargetObject.JobName | Should -Be 'auth-3'
            @(Get-EmulatorRequest).Count | Should -Be 1
        }
    }
}
