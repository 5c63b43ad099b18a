#Requires -Version 7.0
# Results that round-trip: New | Wait | Export-Csv, then Import-Csv | New-MrsJobExecution submits the same jobs again;
# objects bind back too; secrets stay hidden and a hidden one is never sent in the secret's place.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    # The submissions the emulator received since the last clear, by job name: cluster, type, arguments, properties.
    function Get-SubmittedJob {
        $jobs = [ordered]@{}
        foreach ($request in Get-EmulatorRequest | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/job-executions' }) {
            $body = ConvertFrom-RequestBody $request
            $properties = [ordered]@{}
            foreach ($key in @($body.properties.Keys | Sort-Object)) { $properties[$key] = $body.properties[$key] }
            $jobs[$body.job_name] = [ordered]@{
                cluster    = ($request.path -split '/')[4]
                type       = $body.job_type
                arguments  = @($body.arguments)
                properties = $properties
            }
        }
        $jobs
    }

    function ConvertTo-Comparable($Jobs) { $Jobs | ConvertTo-Json -Depth 5 -Compress }

    # A clean emulator whose jobs end within a second, and a session.
    function Reset-QuickEmulator {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName '*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 300 }
    }

    $full = $seed.FullCluster
}

Describe 'A results CSV submitted again' {

    BeforeEach { Reset-QuickEmulator }

    It 'creates the same jobs again, for every job type, arguments with spaces and properties that need JSON' {
        $jobs = New-JobCsv 'jobs.csv' @(
            'cluster_id,job_name,job_type,arguments,properties'
            "$full,rt-mapreduce,MapReduce,obs://b/wc.jar wordcount obs://b/in/ obs://b/out/,mapreduce.job.reduces=4;fs.obs.endpoint=obs.cn-north-4.myhuaweicloud.com"
            "$full,rt-spark,SparkSubmit,""[""""--class"""",""""org.example.Etl"""",""""--conf"""",""""spark.driver.extraJavaOptions=-Dx=1 -Dy=2"""",""""obs://b/etl.jar""""]"",""{""""spark.note"""":"""" padded """",""""spark.glued"""":""""a=1 b=2""""}"""
            "$full,rt-pyspark,SparkPython,obs://b/sessionize.py 2026-11-23,"
            "$full,rt-hivescript,HiveScript,obs://b/report.sql,""{""""k;semi"""":""""v"""",""""hive.exec.parallel"""":""""a;b""""}"""
            "$full,rt-hivesql,HiveSql,""[""""SELECT region, SUM(amount) FROM sales GROUP BY region""""]"",""{""""note"""":""""line one\nline two""""}"""
            "$full,rt-distcp,DistCp,obs://b/raw/ /user/etl/raw/,"
            "$full,rt-sparkscript,SparkScript,obs://b/sql/refresh.sql,k=x=y"
            "$full,rt-sparksql,SparkSql,""[""""SELECT a, b FROM t WHERE c = 1"""",""""x y""""]"",spark.sql.shuffle.partitions=64"
            "$full,rt-flink,Flink,run -d -m yarn-cluster hdfs:///flink/WordCount.jar,"
        )
        $results = Join-Path $TestDrive 'results.csv'

        Import-Csv $jobs | New-MrsJobExecution | Wait-MrsJobExecution -PollingInterval 1 | Export-Csv $results
        $first = Get-SubmittedJob
        Clear-EmulatorRequest
        $again = @(Import-Csv $results | New-MrsJobExecution)

        $again.Count | Should -Be 9
        $again.State | Sort-Object -Unique | Should -Be 'COMPLETE'
        $second = Get-SubmittedJob
        @($second.Keys) | Sort-Object | Should -Be (@($first.Keys) | Sort-Object)
        # The service stores and lists SparkPython as SparkSubmit, so that is what a result holds and what is sent again.
        $first['rt-pyspark'].type = 'SparkSubmit'
        foreach ($name in $first.Keys) {
            ConvertTo-Comparable $second[$name] | Should -Be (ConvertTo-Comparable $first[$name]) -Because $name
        }
        $second['rt-hivesql'].arguments | Should -Be @('SELECT region, SUM(amount) FROM sales GROUP BY region')
        $second['rt-spark'].properties['spark.note'] | Should -BeExactly ' padded '
        $second['rt-hivesql'].properties['note'] | Should -BeExactly "line one`nline two"
        foreach ($group in Get-EmulatorJob | Group-Object job_name) {
            $group.Count | Should -Be 2 -Because $group.Name
            $stored = @($group.Group | Select-Object job_type, arguments, properties)
            ConvertTo-Comparable $stored[1] | Should -Be (ConvertTo-Comparable $stored[0]) -Because "the stored $($group.Name)"
        }
    }

    It 'writes the cell notation, never type names' {
        $results = Join-Path $TestDrive 'results.csv'
        New-MrsJobExecution -ClusterId $full -JobName cells -JobType SparkSql -Arguments 'SELECT 1', 'x y' `
            -Properties ([ordered]@{ 'spark.a' = '1'; 'spark.b' = 'v;w' }) |
            Wait-MrsJobExecution -PollingInterval 1 | Export-Csv $results

        $row = Import-Csv $results
        $row.Arguments | Should -BeExactly '["SELECT 1","x y"]'
        $row.Properties | Should -BeExactly '{"spark.a":"1","spark.b":"v;w"}'
        Get-Content $results -Raw | Should -Not -Match 'System\.|MrsJobs\.Core'
    }

    It 'binds objects back: Get-MrsJobExecution | New-MrsJobExecution resubmits the same job' {
        $submitted = New-MrsJobExecution -ClusterId $full -JobName objects -JobType SparkSql -Arguments 'SELECT a, b FROM t', 'x y' `
            -Properties ([ordered]@{ 'spark.sql.shuffle.partitions' = '8'; 'note' = 'a;b' })
        $first = Get-SubmittedJob
        Clear-EmulatorRequest

        $ended = $submitted | Wait-MrsJobExecution -PollingInterval 1
        $ended.Arguments[0] | Should -BeExactly 'SELECT a, b FROM t'
        $ended.Arguments.Count | Should -Be 2
        $ended.Properties['note'] | Should -BeExactly 'a;b'
        @(foreach ($argument in $ended.Arguments) { $argument }).Count | Should -Be 2
        $again = $ended | New-MrsJobExecution

        $again.State | Should -Be 'COMPLETE'
        ConvertTo-Comparable (Get-SubmittedJob)['objects'] | Should -Be (ConvertTo-Comparable $first['objects'])
        Clear-EmulatorRequest
        $null = Get-MrsJobExecution -ClusterId $full -JobId $again.JobId | New-MrsJobExecution
        (Get-SubmittedJob)['objects'].properties['note'] | Should -BeExactly 'a;b'
    }

    It 'binds no other column of a result to New-MrsJobExecution' {
        $byName = @((Get-Command New-MrsJobExecution).Parameters.Values |
                Where-Object { $_.ParameterSets.Values.ValueFromPipelineByPropertyName -contains $true } |
                ForEach-Object { $_.Name; $_.Aliases })

        foreach ($type in [MrsJobs.Core.Models.JobExecution], [MrsJobs.Core.Models.JobSubmitResult]) {
            @($type.GetProperties().Name | Where-Object { $_ -in $byName } | Sort-Object) |
                Should -Be @('Arguments', 'ClusterId', 'JobName', 'JobType', 'Properties') -Because $type.Name
        }
    }
}

Describe 'Hidden secrets in results' {

    BeforeEach { Reset-QuickEmulator }

    It 'keeps them out of the results CSV, and refuses to submit the mark in their place, naming the row and where it is' {
        $results = Join-Path $TestDrive 'results.csv'
        @(
            [pscustomobject]@{ cluster_id = $full; job_name = 'plain'; job_type = 'MapReduce'; arguments = 'obs://b/wc.jar'; properties = '' }
            [pscustomobject]@{ cluster_id = $full; job_name = 'with-secrets'; job_type = 'SparkSubmit'
                arguments = '["--password","Sup3r-Pw","--conf","fs.obs.secret.key=S3cr3t-Arg","obs://b/app.jar"]'
                properties = 'spark.executor.memory=2g;fs.obs.secret.key=S3cr3t-Value' }
        ) | New-MrsJobExecution | Wait-MrsJobExecution -PollingInterval 1 | Export-Csv $results
        $text = Get-Content $results -Raw
        foreach ($secret in 'Sup3r-Pw', 'S3cr3t-Arg', 'S3cr3t-Value') { $text | Should -Not -Match $secret }
        Clear-EmulatorRequest

        $again = @(Import-Csv $results | Sort-Object Row | New-MrsJobExecution -ErrorVariable refused -ErrorAction SilentlyContinue)

        $again.JobName | Should -Be @('plain')
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobDefinition.HiddenSecret,*'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].TargetObject.Row | Should -Be 2
        $message = "$($refused[0])"
        $message | Should -Match "^Row 2 \(job 'with-secrets'\) was not sent"
        $message | Should -Match 'argument 2 holds \[redacted\]'
        $message | Should -Match 'argument 4 holds \[redacted\]'
        $message | Should -Match "'fs\.obs\.secret\.key' is \[redacted\]"
        (Get-SubmittedJob).Keys | Should -Be @('plain')
    }

    It 'refuses a hidden secret piped object to object too, whatever -SkipCheck says' {
        $submitted = New-MrsJobExecution -ClusterId $full -JobName obj-secret -JobType MapReduce -Properties @{ 'fs.obs.secret.key' = 'S3cr3t-Value' }
        Clear-EmulatorRequest

        $null = $submitted | Get-MrsJobExecution | New-MrsJobExecution -SkipCheck All -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobDefinition.HiddenSecret,*'
        @(Get-EmulatorRequest | Where-Object method -eq 'POST').Count | Should -Be 0
    }
}
