#Requires -Version 7.0
# New-MrsJobExecution against the emulator: the documented contract checked before sending, -SkipCheck,
# and -WhatIf, which checks every row and sends nothing.

BeforeDiscovery {
    # Each broken rule: what to change in a good job, the rule name in the ErrorId, and the field the message names.
    $brokenRules = @(
        @{ Case = 'an unknown job type'; Rule = 'JobType'; Field = 'job_type'; Change = @{ JobType = 'Pig' } }
        @{ Case = 'an empty job type'; Rule = 'JobTypeRequired'; Field = 'job_type'; Change = @{ JobType = '' } }
        @{ Case = 'a job name with a blank'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'nightly report' } }
        @{ Case = 'a job name with a dot'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'etl.daily' } }
        @{ Case = 'a job name with a non-ASCII letter'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'jöb' } }
        @{ Case = 'a job name of 65 characters'; Rule = 'JobName'; Field = 'job_name'; Change = @{ JobName = 'a' * 65 } }
        @{ Case = 'an empty job name'; Rule = 'JobNameRequired'; Field = 'job_name'; Change = @{ JobName = '' } }
        @{ Case = 'an empty cluster id'; Rule = 'ClusterId'; Field = 'cluster_id'; Change = @{ ClusterId = '' } }
        @{ Case = 'a cluster id with a slash'; Rule = 'ClusterId'; Field = 'cluster_id'; Change = @{ ClusterId = '../other' } }
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
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
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

    Context 'the documented contract, checked before sending' {

        It 'reports <Case> as InvalidJobDefinition.<Rule> and sends nothing' -ForEach $brokenRules {
            $job = New-GoodJob $Change

            # Piped, as a CSV row is: a single string there is a cell in notation.
            $output = @([pscustomobject]$job | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

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
}
