#Requires -Version 7.0
# Stop- and Remove-MrsJobExecution without -Force where nobody can answer a prompt (pwsh -NonInteractive, a runbook,
# a runspace of a service): the module's own MrsConfirmationUnavailable, saying to add -Force, and nothing is sent.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Invoke-WithoutForce([string] $Command, $Job, [switch] $NoConfirm) {
        $arguments = @('-EmulatorUrl', (Get-EmulatorUrl), '-Command', $Command, '-JobId', $Job.JobId, '-ClusterId', $Job.ClusterId)
        if ($NoConfirm) { $arguments += '-NoConfirm' }
        Invoke-TestProcessReport -ScriptPath "$PSScriptRoot/fixtures/Invoke-WithoutForce.ps1" -ArgumentList $arguments -TimeoutSec 60
    }

    function Get-WriteRequest {
        @(Get-EmulatorRequest | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/job-executions/*' -or $_.method -eq 'DELETE' })
    }
}

Describe 'Stop- and Remove-MrsJobExecution without -Force, where nobody can answer' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
        Add-EmulatorJobPlan -JobName 'done-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0 }
        # A running job to stop, an ended one to delete (the service refuses to delete a running job).
        $jobs = @{
            'Stop-MrsJobExecution'   = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName slow-1 -JobType MapReduce
            'Remove-MrsJobExecution' = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName done-1 -JobType MapReduce
        }
    }

    It 'in pwsh -NonInteractive, <_> gives MrsConfirmationUnavailable saying to add -Force, and sends nothing' -ForEach 'Stop-MrsJobExecution', 'Remove-MrsJobExecution' {
        $command = $_
        $job = $jobs[$command]

        $report = Invoke-WithoutForce $command $job

        $report.NonInteractive | Should -BeTrue
        $report.ErrorId | Should -BeExactly "MrsConfirmationUnavailable,MrsJobs.Commands.$($command.Replace('-', ''))Command"
        $report.Category | Should -Be 'InvalidOperation'
        $report.Message | Should -BeLike "$command needs a confirmation to * job $($job.JobId) on cluster $($seed.FullCluster), but this host cannot ask for one*"
        $report.Message | Should -BeLike '*Add -Force (or -Confirm:$false)*'
        $report.Message | Should -Not -Match 'NonInteractive mode'
        $report.Target | Should -Be "job $($job.JobId) on cluster $($seed.FullCluster)"
        Get-WriteRequest | Should -BeNullOrEmpty
        (Get-MrsJobExecution -JobId $job.JobId -ClusterId $seed.FullCluster).JobName | Should -Be $job.JobName -Because 'the job is still there'
    }

    It 'in pwsh -NonInteractive, <_> -Confirm:$false acts without asking' -ForEach 'Stop-MrsJobExecution', 'Remove-MrsJobExecution' {
        $report = Invoke-WithoutForce $_ $jobs[$_] -NoConfirm

        $report.ErrorId | Should -BeNullOrEmpty
        @(Get-WriteRequest).Count | Should -Be 1
    }

    It 'in a runspace without a user interface, <_> gives MrsConfirmationUnavailable too' -ForEach 'Stop-MrsJobExecution', 'Remove-MrsJobExecution' {
        $result = Invoke-InNewRunspace -ArgumentList $jobs[$_], $_ -ScriptBlock {
            param($Job, $Command)
            Connect-TestProject
            $Job | & $Command
        }

        $result.Caught.FullyQualifiedErrorId | Should -BeLike 'MrsConfirmationUnavailable,*'
        Get-WriteRequest | Should -BeNullOrEmpty
    }
}
