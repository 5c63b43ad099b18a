#Requires -Version 7.0
# A CSV whose fields are separated by ';' (Excel where ',' is the decimal separator) or tabs, read by Import-Csv with its
# default ',': one error per row that says so and how to read the file, instead of PowerShell's binding error.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $cmdletId = 'MrsJobs.Commands.NewMrsJobExecutionCommand'

    function New-DelimitedCsv([string] $Name, [char] $Delimiter) {
        $path = Get-TestFilePath $Name
        @(
            [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'delimited-1'; job_type = 'MapReduce'; arguments = 'obs://b/wc.jar obs://b/in' }
            [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'delimited-2'; job_type = 'SparkSubmit'; arguments = 'obs://b/etl.jar' }
        ) | Export-Csv -Path $path -Delimiter $Delimiter -NoTypeInformation -Encoding utf8
        $path
    }
}

Describe 'New-MrsJobExecution from a CSV read with the wrong delimiter' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
    }

    It 'gives one error per row for a '';'' file, naming the row and suggesting -Delimiter '';'' or -UseCulture, and sends nothing' {
        $csv = New-DelimitedCsv 'semicolon.csv' ';'
        (Get-Content $csv -First 1) | Should -Be '"cluster_id";"job_name";"job_type";"arguments"'

        $output = @(Import-Csv $csv | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        foreach ($n in 1, 2) {
            $failure = $failures[$n - 1]
            $failure.FullyQualifiedErrorId | Should -BeExactly "InvalidJobDefinition.InputObject,$cmdletId"
            $failure.TargetObject.Row | Should -Be $n
            "$failure" | Should -Be ("Row $n was not sent: input: its column name 'cluster_id;job_name;job_type;arguments' holds ';': the file separates its fields with ';', " +
                "but it was read as separated with ','. Read it with Import-Csv -Delimiter ';' (or Import-Csv -UseCulture, when that is this computer's list separator).")
        }
        Get-EmulatorRequest | Should -BeNullOrEmpty
    }

    It 'says so for a tab-separated file, suggesting -Delimiter "`t"' {
        $csv = New-DelimitedCsv 'tabs.tsv' "`t"

        $null = Import-Csv $csv | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 2
        # The message shows a tab as PowerShell writes it, `t (a literal text here: a backtick is an escape in -like).
        $message = "$($failures[0])"
        $message.StartsWith('Row 1 was not sent: input: its column name ''cluster_id`tjob_name`tjob_type`targuments'' holds tabs: ') | Should -BeTrue -Because $message
        $message.Contains('Read it with Import-Csv -Delimiter "`t" (or Import-Csv -UseCulture') | Should -BeTrue -Because $message
    }

    It 'submits the same file read with the delimiter the message names' {
        $csv = New-DelimitedCsv 'semicolon.csv' ';'

        $output = @(Import-Csv $csv -Delimiter ';' | New-MrsJobExecution)

        $output.JobName | Should -Be @('delimited-1', 'delimited-2')
        $output.State | Should -Be @('COMPLETE', 'COMPLETE')
    }

    It 'leaves a row alone that has a job column besides a name with '';''' {
        $row = [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = 'semi-ok'; job_type = 'MapReduce'; 'note;x' = 'y' }

        $output = @($row | New-MrsJobExecution)

        $output.JobName | Should -Be 'semi-ok'
    }
}
