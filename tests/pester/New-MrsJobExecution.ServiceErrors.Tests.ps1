#Requires -Version 7.0
# New-MrsJobExecution against the emulator: no session, refusals by the service (every error code) and
# authentication failures, after which no later job is sent.

BeforeDiscovery {
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
}

Describe 'New-MrsJobExecution' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
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

        It 'names the row and the job of a piped job that the service refuses' {
            $jobs = @(
                [pscustomobject]@{ cluster_id = $seed.NoHiveCluster; job_name = 'fine'; job_type = 'MapReduce' }
                [pscustomobject]@{ cluster_id = $seed.NoHiveCluster; job_name = 'needs-hive'; job_type = 'HiveScript'; arguments = 'obs://b/q.sql' }
            )

            $output = @($jobs | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $output.JobName | Should -Be @('fine')
            $failures.Count | Should -Be 1
            $failures[0].ToString() | Should -BeLike "Row 2 (job 'needs-hive'): *0168*Hive is not installed*"
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
            # Without retries, so that a throttling code is seen as the row's answer (retries are tested in Engine.Tests).
            Connect-TestProject -Extra @{ MaxRetries = 0 }
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

        It 'reports gateway throttling (APIGW.0308, HTTP 429) as LimitsExceeded once the retries are spent, and goes on' {
            Connect-TestProject -Extra @{ MaxRetries = 1 }
            Add-EmulatorFault @{ cluster_id = $seed.FullCluster; count = 20; status = 429; error_code = 'APIGW.0308'; error_msg = 'The throttling threshold has been reached.'; shape = 'apig' }

            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName throttled -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures
            $next = New-MrsJobExecution -ClusterId $seed.HadoopCluster -JobName not-throttled -JobType MapReduce

            Assert-Refusal $failures[0] 'APIGW.0308' 'LimitsExceeded' 'throttled' $seed.FullCluster
            $next.State | Should -Be 'COMPLETE'
        }

        It 'refuses locally with MrsSessionExpired, sending nothing, once a bare token''s known expiry has passed' {
            $token = New-EmulatorToken -LifetimeSeconds 1
            Connect-MrsProject -Token $token.token -Endpoint $url -IamEndpoint $url
            Start-Sleep -Milliseconds 1500
            Invoke-MrsEmulatorControl -Url $url -Method Delete -Path 'requests'

            $output = @(try { New-MrsJobExecution -ClusterId $seed.FullCluster -JobName too-late -JobType MapReduce -ErrorAction SilentlyContinue -ErrorVariable failures } catch { $failures = @($_) })

            $output.Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsSessionExpired,$cmdletId"
            $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'renews a password session''s expired token instead of refusing' {
            Set-EmulatorSetting @{ token_lifetime_seconds = 1 }
            Connect-TestProject
            Start-Sleep -Milliseconds 1500
            Invoke-MrsEmulatorControl -Url $url -Method Delete -Path 'requests'

            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName renewed -JobType MapReduce

            $result.Succeeded | Should -BeTrue
            @(Get-EmulatorRequest -IncludeIam).path | Should -Be @('/v3/auth/tokens', "/v2/$($seed.ProjectId)/clusters/$($seed.FullCluster)/job-executions")
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
