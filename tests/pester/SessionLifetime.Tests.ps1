#Requires -Version 7.0
# Token lifetime and sessions: renewal mid-run, bare tokens, Get-MrsSession, Disconnect-MrsProject, runspaces.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl

    function Get-TokenRequest { @(Get-EmulatorRequest -IncludeIam | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v3/auth/tokens' }) }
}

Describe 'Token lifetime' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
    }

    It 'renews a password session''s token that expires mid-run: every row is submitted' {
        Set-EmulatorSetting @{ token_lifetime_seconds = 2 }
        Connect-TestProject
        $rows = 1..12 | ForEach-Object { [pscustomobject]@{ cluster_id = $seed.FullCluster; job_name = "long-run-$_"; job_type = 'MapReduce' } }

        $results = @($rows | ForEach-Object { Start-Sleep -Milliseconds 350; $_ } | New-MrsJobExecution -ErrorVariable failures)

        $failures.Count | Should -Be 0
        $results.Count | Should -Be 12
        @(Get-EmulatorJob).Count | Should -Be 12
        (Get-TokenRequest).Count | Should -BeGreaterOrEqual 3
        (Get-MrsSession).ExpiresAt | Should -BeGreaterThan ([datetimeoffset]::UtcNow)
    }

    It 'renews and sends once more when the gateway says the token expired, without losing the row' {
        Connect-TestProject
        Add-EmulatorFault @{ count = 1; status = 401; error_code = 'APIGW.0307'; error_msg = 'The token must be updated.'; shape = 'apig' }

        $results = @(1..3 | ForEach-Object { [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = "row-$_"; JobType = 'MapReduce' } } | New-MrsJobExecution -ErrorVariable failures)

        $failures.Count | Should -Be 0
        $results.JobName | Should -Be @('row-1', 'row-2', 'row-3')
        (Get-TokenRequest).Count | Should -Be 2
        @(Get-EmulatorRequest).status | Should -Be @(401, 200, 200, 200)
    }

    It 'tells a bare -Token session that it cannot renew, naming the expiry, before sending anything' {
        $issued = New-EmulatorToken -LifetimeSeconds 2
        Connect-MrsProject -Token $issued.token -Endpoint $url -IamEndpoint $url
        $session = Get-MrsSession
        $session.ExpiresAt | Should -Be ([datetimeoffset]$issued.expires_at)
        $session.ProjectId | Should -Be $seed.ProjectId
        $session.CanRenew | Should -BeFalse
        Start-Sleep -Milliseconds 2300

        New-MrsJobExecution -ClusterId $seed.FullCluster -JobName late -JobType MapReduce -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsSessionExpired,*'
        $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failures[0].ToString() | Should -Match "expired at $([regex]::Escape($session.ExpiresAt.ToString('u')))"
        $failures[0].ToString() | Should -Match 'cannot renew itself'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'refuses at connection a token IAM says is not valid (expired)' {
        $expired = New-EmulatorToken -LifetimeSeconds 0

        $failure = Get-TerminatingError { Connect-MrsProject -Token $expired.token -Endpoint $url -IamEndpoint $url }

        $failure.FullyQualifiedErrorId | Should -BeLike 'IamTokenNotValid,*'
        $failure.ToString() | Should -Match 'may have expired'
        Get-MrsSession | Should -BeNullOrEmpty
    }

    It 'refuses a -ProjectId that is not the token''s project' {
        $token = New-EmulatorToken

        $failure = Get-TerminatingError { Connect-MrsProject -Token $token.token -ProjectId $seed.OtherProjectId -Endpoint $url -IamEndpoint $url }

        $failure.FullyQualifiedErrorId | Should -BeLike 'MrsInvalidConnectArgument,*'
        $failure.ToString() | Should -Match "scoped to project $($seed.ProjectId), not $($seed.OtherProjectId)"
    }
}

Describe 'Get-MrsSession and Disconnect-MrsProject' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
    }

    It 'shows region, project, method, expiry and endpoints, and no secret' {
        Connect-TestProject

        $session = Get-MrsSession
        $shown = ($session | Format-List * -Force | Out-String -Width 4096) + ($session | Out-String)

        $session.Region | Should -Be $seed.Region
        $session.ProjectId | Should -Be $seed.ProjectId
        $session.AuthMethod | Should -Be 'Password'
        $session.CanRenew | Should -BeTrue
        $session.ExpiresAt | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddHours(23))
        $session.Endpoint | Should -Be "$url/"
        $shown | Should -Not -Match ([regex]::Escape($seed.Password))
        $shown | Should -Not -Match 'MII'
    }

    It 'forgets the session: nothing to show, and commands say to connect again' {
        $held = Connect-TestProject -PassThru

        Disconnect-MrsProject

        Get-MrsSession | Should -BeNullOrEmpty
        { New-MrsJobExecution -ClusterId $seed.FullCluster -JobName x -JobType MapReduce } | Should -Throw -ErrorId 'MrsNotConnected,*'
        New-MrsJobExecution -Session $held -ClusterId $seed.FullCluster -JobName x -JobType MapReduce -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsSessionDisconnected,*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'keeps one session per runspace, and a session passed with -Session works in parallel runspaces' {
        $session = Connect-TestProject -PassThru

        $seen = 1..3 | ForEach-Object -Parallel { Import-Module $using:env:MRSJOBS_TEST_MODULE/MrsJobs.psd1; @(Get-MrsSession).Count } -ThrottleLimit 3
        $results = 1..6 | ForEach-Object -Parallel {
            Import-Module $using:env:MRSJOBS_TEST_MODULE/MrsJobs.psd1
            New-MrsJobExecution -Session $using:session -ClusterId $using:seed.FullCluster -JobName "parallel-$_" -JobType MapReduce
        } -ThrottleLimit 3

        $seen | Should -Be @(0, 0, 0)
        @($results).Count | Should -Be 6
        @(Get-EmulatorJob).Count | Should -Be 6
        (Get-MrsSession).ProjectId | Should -Be $seed.ProjectId
    }

    It 'keeps thread jobs apart: a thread job has no session until it connects or is given one' {
        $session = Connect-TestProject -PassThru
        $module = Join-Path $env:MRSJOBS_TEST_MODULE 'MrsJobs.psd1'
        $cluster = $seed.FullCluster

        $job = Start-ThreadJob -ScriptBlock {
            Import-Module $using:module
            [pscustomobject]@{
                Before    = @(Get-MrsSession).Count
                Submitted = (New-MrsJobExecution -Session $using:session -ClusterId $using:cluster -JobName thread-job -JobType MapReduce).Succeeded
            }
        }
        $result = $job | Wait-Job -Timeout 60 | Receive-Job
        $job | Remove-Job -Force

        $result.Before | Should -Be 0
        $result.Submitted | Should -BeTrue
        (Get-MrsSession).ProjectId | Should -Be $seed.ProjectId
    }
}
