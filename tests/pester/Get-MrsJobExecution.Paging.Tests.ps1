#Requires -Version 7.0
# Get-MrsJobExecution's paging: every job once whatever the service's offset means (pages or jobs, from 0 or 1),
# offset=0 asked at most once per session, and no job lost while the list shifts under the pager.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Get-ListRequest { @(Get-EmulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/job-executions' }) }
    function Add-EmulatorListChange {
        # After the AfterLists-th job list request from now: delete the DeleteNewest newest jobs, then add AddCount jobs (submitted then).
        param([Parameter(Mandatory)] [int] $AfterLists, [int] $DeleteNewest = 0, [int] $AddCount = 0)
        $body = @{ after_lists = $AfterLists; delete_newest = $DeleteNewest }
        if ($AddCount -gt 0) { $body.add = @{ count = $AddCount; job_name = 'late-{n}' } }
        $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'list-changes' -Body $body
    }
    function Get-ListOffset {
        foreach ($request in Get-ListRequest) {
            foreach ($pair in $request.query -split '&') {
                $key, $value = $pair -split '=', 2
                if ($key -eq 'offset') { $value }
            }
        }
    }
}

Describe 'Get-MrsJobExecution paging' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
    }

    Context 'whatever offset means' {

        It 'lists all 250 jobs once, newest first, without a warning, with offset counting <Mode>' -ForEach @(
            @{ Mode = 'page1'; Probed = '1,0,2,3'; Remembered = '1,2,3' }
            @{ Mode = 'page0'; Probed = '1,0,1,2'; Remembered = '0,1,2' }
            @{ Mode = 'record0'; Probed = '1,0,100,199'; Remembered = '0,99,198' }
            @{ Mode = 'record1'; Probed = '1,0,2,101,200'; Remembered = '1,100,199' }
        ) {
            Set-EmulatorSetting @{ list_offset_mode = $Mode }
            $ids = Add-EmulatorJob -Count 250 -JobName 'paged-{n}'
            [array]::Reverse($ids)

            $first = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -WarningVariable firstWarnings)
            $firstOffsets = (Get-ListOffset) -join ','
            Clear-EmulatorRequest
            $second = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -WarningVariable secondWarnings)

            $first.JobId | Should -Be $ids
            $second.JobId | Should -Be $ids
            $firstOffsets | Should -Be $Probed
            # The session remembers what offset means: the second list asks no offset=0 and no extra page.
            (Get-ListOffset) -join ',' | Should -Be $Remembered
            @($firstWarnings) + @($secondWarnings) | Should -BeNullOrEmpty
        }

        It 'asks nothing extra for a list that fits its first page' {
            $null = Add-EmulatorJob -Count 40

            @(Get-MrsJobExecution -ClusterId $seed.FullCluster).Count | Should -Be 40

            (Get-ListOffset) -join ',' | Should -Be '1'
        }

        It 'sends a job name of up to 128 characters as the list''s job_name filter' {
            $name = 'n' * 100

            @(Get-MrsJobExecution -ClusterId $seed.FullCluster -JobName $name).Count | Should -Be 0

            (Get-ListRequest)[0].query | Should -Match "job_name=$name&"
        }

        It 'sends Content-Type: application/json with every list request' {
            $null = Add-EmulatorJob -Count 150

            $null = Get-MrsJobExecution -ClusterId $seed.FullCluster

            Get-ListRequest | ForEach-Object { Get-RequestHeader $_ 'Content-Type' } | Sort-Object -Unique | Should -Be 'application/json'
        }
    }

    Context 'Get-MrsJobExecution | Remove-MrsJobExecution' {

        It 'removes every job, the newest too, when offset counts <Mode>' -ForEach @(
            @{ Mode = 'page0' }
            @{ Mode = 'record0' }
        ) {
            Set-EmulatorSetting @{ list_offset_mode = $Mode }
            $past = @{ submitted_time = [datetimeoffset]::UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds() }
            $ids = Add-EmulatorJob -Count 230 -JobName 'old-{n}' -Extra $past

            Get-MrsJobExecution -ClusterId $seed.FullCluster | Remove-MrsJobExecution -Force

            Get-EmulatorJob | Where-Object job_id -EQ $ids[-1] | Should -BeNullOrEmpty
            @(Get-EmulatorJob).Count | Should -Be 0
        }
    }

    Context 'a list that shifts while it is read' {

        It 'loses no job and repeats none when the newest are deleted and others submitted between pages (<Mode>)' -ForEach @(
            @{ Mode = 'page1' }
            @{ Mode = 'record0' }
        ) {
            Set-EmulatorSetting @{ list_offset_mode = $Mode }
            $ids = Add-EmulatorJob -Count 250 -JobName 'paged-{n}'
            $null = Get-MrsJobExecution -ClusterId $seed.FullCluster -First 1
            Add-EmulatorListChange -AfterLists 1 -DeleteNewest 6 -AddCount 4
            Add-EmulatorListChange -AfterLists 2 -DeleteNewest 10

            $jobs = @(Get-MrsJobExecution -ClusterId $seed.FullCluster -WarningVariable warnings)

            ($jobs.JobId | Group-Object | Where-Object Count -GT 1) | Should -BeNullOrEmpty
            $ids[0..199] | Where-Object { $_ -notin $jobs.JobId } | Should -BeNullOrEmpty
            $warnings | Should -BeNullOrEmpty
        }

        It 'warns that the list may be incomplete when it keeps changing past the request budget' {
            $null = Add-EmulatorJob -Count 250
            $null = Get-MrsJobExecution -ClusterId $seed.FullCluster -First 1
            1..40 | ForEach-Object { Add-EmulatorListChange -AfterLists $_ -DeleteNewest 1 }

            $null = Get-MrsJobExecution -ClusterId $seed.FullCluster -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings.Count | Should -Be 1
            "$warnings" | Should -Match "The job list of cluster $($seed.FullCluster) may be incomplete"
        }
    }
}
