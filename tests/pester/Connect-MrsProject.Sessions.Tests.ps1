#Requires -Version 7.0
# Connect-MrsProject: where the session is kept (per runspace), when it is forgotten, and -Session.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
}

Describe 'Connect-MrsProject' {

    BeforeEach {
        Reset-Emulator
    }


    Context 'sessions per runspace' {

        It 'does not share this runspace''s session with a new runspace' {
            Connect-TestProject

            $other = Invoke-InNewRunspace {
                param($ClusterId)
                New-MrsJobExecution -ClusterId $ClusterId -JobName other-runspace -JobType MapReduce
            } -ArgumentList $seed.FullCluster

            $other.Output.Count | Should -Be 0
            $other.Caught.FullyQualifiedErrorId | Should -Be 'MrsNotConnected,MrsJobs.Commands.NewMrsJobExecutionCommand'
            @(Get-EmulatorRequest).Count | Should -Be 0
        }

        It 'does not let a session made in another runspace replace this runspace''s' {
            # Here: the project without clusters. There: the project with them.
            Connect-TestProject -Extra @{ ProjectName = $seed.OtherRegion }
            $other = Invoke-InNewRunspace {
                param($ClusterId)
                Connect-TestProject
                New-MrsJobExecution -ClusterId $ClusterId -JobName other-runspace -JobType MapReduce
            } -ArgumentList $seed.FullCluster
            $other.Output[0].State | Should -Be 'COMPLETE'

            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName this-runspace -JobType MapReduce `
                -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -Be 'MrsApiError.12000003,MrsJobs.Commands.NewMrsJobExecutionCommand'
            (Get-EmulatorRequest)[-1].path | Should -BeLike "/v2/$($seed.OtherProjectId)/*"
        }

        It 'does not share a session with a thread job' -Skip:(-not (Get-Command Start-ThreadJob -ErrorAction SilentlyContinue)) {
            Connect-TestProject
            $job = Start-ThreadJob -ArgumentList (Join-Path $PSScriptRoot 'TestSupport.psm1'), $seed.FullCluster -ScriptBlock {
                param($Support, $ClusterId)
                Import-Module $Support
                Import-ModuleUnderTest
                try { New-MrsJobExecution -ClusterId $ClusterId -JobName thread-job -JobType MapReduce; 'no error' }
                catch { $_.FullyQualifiedErrorId }
            }
            $answer = $job | Wait-Job -Timeout 60 | Receive-Job
            $job | Remove-Job -Force

            $answer | Should -Be 'MrsNotConnected,MrsJobs.Commands.NewMrsJobExecutionCommand'
        }
    }

    Context 'removing the module' {

        It 'forgets the session when the module is removed, so nothing runs on a stale token' {
            Connect-TestProject
            Remove-Module MrsJobs
            Import-ModuleUnderTest

            $err = $null
            try { New-MrsJobExecution -ClusterId $seed.FullCluster -JobName after-remove -JobType MapReduce -ErrorAction Stop } catch { $err = $_ }

            $err.FullyQualifiedErrorId | Should -BeExactly 'MrsNotConnected,MrsJobs.Commands.NewMrsJobExecutionCommand'
        }
    }

    Context '-Session' {

        It 'uses an explicit session object instead of the default one' {
            $main = Connect-TestProject -PassThru
            Connect-TestProject -Extra @{ ProjectName = $seed.OtherRegion }     # the default now has no clusters

            $result = New-MrsJobExecution -Session $main -ClusterId $seed.FullCluster -JobName explicit-session -JobType MapReduce

            $result.State | Should -Be 'COMPLETE'
            $result.ProjectId | Should -Be $seed.ProjectId
            (Get-EmulatorRequest)[0].path | Should -Be "/v2/$($seed.ProjectId)/clusters/$($seed.FullCluster)/job-executions"
        }

        It 'uses a session made in another runspace when it is passed explicitly' {
            $other = Invoke-InNewRunspace { Connect-TestProject -PassThru }
            $session = $other.Output[0]

            $result = New-MrsJobExecution -Session $session -ClusterId $seed.FullCluster -JobName handed-over -JobType MapReduce

            $result.State | Should -Be 'COMPLETE'
        }
    }
}
