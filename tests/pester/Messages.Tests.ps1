#Requires -Version 7.0
# Messages that say what is wrong and how to fix it: a missing cluster id, a name with a blank at either end,
# argument positions counted from 1.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
}

Describe 'Messages' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
        Add-EmulatorJobPlan -JobName 'msg-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0; result = 'SUCCEEDED' }
    }

    Context 'a job id without a cluster id' {

        It '<_> -JobId alone gives MrsClusterIdMissing, which names -ClusterId and the objects that carry it, and sends nothing' -ForEach @(
            'Get-MrsJobExecution', 'Stop-MrsJobExecution', 'Remove-MrsJobExecution', 'Wait-MrsJobExecution', 'Get-MrsJobSqlResult'
        ) {
            $command = $_
            $jobId = '3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4'

            $force = if ($command -in 'Stop-MrsJobExecution', 'Remove-MrsJobExecution') { @{ Force = $true } } else { @{} }

            $output = @(& $command -JobId $jobId @force -ErrorVariable failures -ErrorAction SilentlyContinue)

            if ($command -eq 'Wait-MrsJobExecution') {
                # Its line per input row, with the error's id; nothing was read.
                $output.JobId | Should -Be $jobId
                $output.ErrorId | Should -Be 'MrsClusterIdMissing'
            }
            else { $output | Should -BeNullOrEmpty }
            @($failures).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly "MrsClusterIdMissing,MrsJobs.Commands.$($command.Replace('-', ''))Command"
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].TargetObject | Should -Be $jobId
            "$($failures[0])" | Should -BeLike "$command needs the id of the cluster that job $jobId runs on: give -ClusterId <cluster id>, or pipe the job's JobSubmitResult (New-MrsJobExecution) or JobExecution (Get-MrsJobExecution)*"
            "$($failures[0])" | Should -Not -Match 'mandatory'
            Get-EmulatorRequest | Should -BeNullOrEmpty
        }

        It 'Get-MrsJobExecution without any id says which cluster''s jobs it needs' {
            $null = Get-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsClusterIdMissing,*'
            "$($failures[0])" | Should -Be 'Get-MrsJobExecution needs the id of the cluster whose jobs to list: give -ClusterId <cluster id>.'
        }

        It 'a piped object without a cluster id gets the error, and the objects around it still go' {
            $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName msg-1 -JobType MapReduce
            $rows = @(
                [pscustomobject]@{ JobId = $job.JobId; ClusterId = $seed.FullCluster }
                [pscustomobject]@{ JobId = $job.JobId }
                [pscustomobject]@{ job_id = $job.JobId; cluster_id = $seed.FullCluster }
            )

            $output = @($rows | Get-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue)

            $output.JobId | Should -Be @($job.JobId, $job.JobId)
            @($failures).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsClusterIdMissing,*'
        }
    }

    Context 'names with a blank at either end' {

        It 'the job name ''<Name>'' is reported as one that <Says>' -ForEach @(
            @{ Name = 'nightly-1 '; Says = 'ends with a space' }
            @{ Name = ' nightly-1'; Says = 'starts with a space' }
            @{ Name = "`tnightly-1 "; Says = 'starts with a tab and ends with a space' }
            @{ Name = 'nightly 1'; Says = "holds a character other than letters, digits, '-' and '_'" }
        ) {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName $Name -JobType MapReduce -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobDefinition.JobName,*'
            "$($failures[0])" | Should -BeLike "*job_name: must be 1 to 64 letters, digits, '-' or '_'; it $Says. ``[rule JobName``]"
        }

        It 'a CSV cell with a trailing space names the row and says so' {
            $csv = New-JobCsv 'blank.csv' @('cluster_id,job_name,job_type', "$($seed.FullCluster),msg-2 ,MapReduce")

            $null = Import-Csv $csv | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue

            "$($failures[0])" | Should -BeLike "Row 1 (job 'msg-2 ') was not sent: job_name: *; it ends with a space. *"
        }

        It 'a job id or cluster id with a blank at an end is reported as such, and nothing is sent' {
            $null = Get-MrsJobExecution -JobId ' 3f2c6a1e' -ClusterId $seed.FullCluster -ErrorVariable idFailures -ErrorAction SilentlyContinue
            $null = Get-MrsJobExecution -ClusterId "$($seed.FullCluster) " -ErrorVariable clusterFailures -ErrorAction SilentlyContinue

            $idFailures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidJobId,*'
            "$($idFailures[0])" | Should -BeLike "*' 3f2c6a1e' is not a job id: it starts with a space. Nothing was sent."
            $clusterFailures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidClusterId,*'
            "$($clusterFailures[0])" | Should -BeLike '*is not a cluster id: it ends with a space. Nothing was sent.'
            Get-EmulatorRequest | Should -BeNullOrEmpty
        }
    }

    Context 'argument positions' {

        It 'count from 1: the second argument is argument 2' {
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName msg-3 -JobType MapReduce -Arguments 'obs://b/app.jar', 'a;b' -ErrorVariable failures -ErrorAction SilentlyContinue

            "$($failures[0])" | Should -BeLike "*arguments: argument 2 contains ';'; *"
        }

        It 'count from 1 in a JSON Arguments cell: the second item is item 2' {
            $row = [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'msg-4'; job_type = 'MapReduce'; arguments = '["obs://b/app.jar", {"a": 1}]' }

            $null = $row | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue

            "$($failures[0])" | Should -BeLike '*arguments: item 2 is *'
        }
    }
}
