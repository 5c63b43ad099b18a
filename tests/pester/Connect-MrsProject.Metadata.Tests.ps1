#Requires -Version 7.0
# Connect-MrsProject on a VM's temporary keys: -UseMetadata, the chain's last step, renewal mid-run, and no service at all.
# The emulator serves the ECS metadata routes at its root; MRSJOBS_METADATA_ENDPOINT points the module there.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    # No developer's own variables or ~/.huaweicloud/credentials may leak into these tests.
    $nothingElse = @{
        HUAWEICLOUD_SDK_AK = $null; HUAWEICLOUD_SDK_SK = $null; HUAWEICLOUD_SDK_SECURITY_TOKEN = $null
        HUAWEICLOUD_SDK_PROJECT_ID = $null; HUAWEICLOUD_SDK_IAM_ENDPOINT = $null; HUAWEICLOUD_SDK_DOMAIN_ID = $null
        HUAWEICLOUD_SDK_IDP_ID = $null; HUAWEICLOUD_SDK_ID_TOKEN_FILE = $null
        HUAWEICLOUD_SDK_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-such-file')
    }
    $onTheVm = $nothingElse + @{ MRSJOBS_METADATA_ENDPOINT = $url }

    function Set-EmulatorMetadata([hashtable] $Settings) {
        Invoke-MrsEmulatorControl -Url $url -Method Put -Path 'metadata' -Body $Settings
    }

    function Get-EmulatorMetadata { Invoke-MrsEmulatorControl -Url $url -Method Get -Path 'metadata' }

    function Get-SigningKey($Request) {
        if ((Get-RequestHeader $Request 'Authorization') -match 'Access=([^,]+),') { $Matches[1] }
    }
}

Describe 'Connect-MrsProject on the instance metadata service' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
    }

    It 'signs in with -UseMetadata in the VM''s project and region, and submits with the temporary keys' {
        $session = Use-Environment $onTheVm { Connect-MrsProject -UseMetadata -Endpoint $url -IamEndpoint $url -PassThru }

        $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName on-the-vm -JobType MapReduce -Arguments 'obs://b/wc.jar'

        $result.Succeeded | Should -BeTrue
        $session.AuthMethod | Should -Be 'Metadata'
        $session.ProjectId | Should -Be $seed.ProjectId
        $session.Region | Should -Be $seed.Region
        $session.CanRenew | Should -BeTrue
        (Get-MrsSession).CredentialSource | Should -Be "temporary access keys from the instance metadata service $($url.TrimEnd('/'))"
        $request = @(Get-EmulatorRequest)[0]
        Get-RequestHeader $request 'X-Security-Token' | Should -Not -BeNullOrEmpty
        Get-RequestHeader $request 'Authorization' | Should -Match 'SignedHeaders=[^,]*x-security-token'
    }

    It 'falls through to the metadata service when the parameters, the environment and the profile file hold nothing' {
        $session = Use-Environment $onTheVm { Connect-MrsProject -Endpoint $url -IamEndpoint $url -PassThru -Verbose 4>&1 }

        $verbose = @($session | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $session = $session | Where-Object { $_ -is [MrsJobs.Core.Sessions.MrsSession] }
        $session.AuthMethod | Should -Be 'Metadata'
        ($verbose -join "`n") | Should -Match 'Using the temporary access keys from the instance metadata service'
        (New-MrsJobExecution -ClusterId $seed.FullCluster -JobName implicit -JobType MapReduce).Succeeded | Should -BeTrue
    }

    It 'renews short-lived keys during a long CSV submission: every request signed with valid keys, no failure' {
        Set-EmulatorMetadata @{ key_lifetime_seconds = 6 }
        Set-EmulatorSetting @{ latency_ms = 250 }
        $csv = Export-TestJobCsv -Name 'renewal.csv' -Rows (New-TestJobRow -Count 120 -Prefix renewal)
        Use-Environment $onTheVm { Connect-MrsProject -UseMetadata -Endpoint $url -IamEndpoint $url }

        $started = [DateTime]::UtcNow
        $results = @(Import-Csv $csv | New-MrsJobExecution -ThrottleLimit 4 -ErrorVariable failures)
        $elapsed = [DateTime]::UtcNow - $started

        $elapsed.TotalSeconds | Should -BeGreaterThan 7 -Because 'the run must span more than one key lifetime'
        $failures.Count | Should -Be 0
        @($results | Where-Object Succeeded).Count | Should -Be 120
        $submissions = @(Get-EmulatorRequest)
        $submissions.Count | Should -Be 120 -Because 'no request was refused and sent again'
        @($submissions | Where-Object status -ne 200).Count | Should -Be 0
        $keysUsed = @($submissions | ForEach-Object { Get-SigningKey $_ } | Sort-Object -Unique)
        $metadata = Get-EmulatorMetadata
        $keysUsed.Count | Should -BeGreaterOrEqual 2
        $metadata.keys_issued | Should -BeGreaterOrEqual $keysUsed.Count
        $metadata.security_key_requests | Should -BeGreaterOrEqual 2
        $metadata.security_key_requests | Should -BeLessThan 20 -Because 'keys are renewed before they expire, not before every request'
    }

    It 'says at once that nothing was found when there is no metadata service and no other credentials' {
        $variables = $nothingElse + @{ MRSJOBS_METADATA_ENDPOINT = "http://127.0.0.1:$(Get-ClosedLoopbackPort)" }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $failure = Use-Environment $variables { Get-TerminatingError { Connect-MrsProject -Region $seed.Region -Endpoint $url -IamEndpoint $url } }

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $failure.FullyQualifiedErrorId | Should -Be 'MrsCredentials.NotFound,MrsJobs.Commands.ConnectMrsProjectCommand'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$failure" | Should -Match 'instance metadata service http://127\.0\.0\.1:\d+ \(cannot connect'
        "$failure" | Should -Match 'give it an agency'
    }

    It 'gives up on a metadata service that does not answer within seconds (-UseMetadata)' {
        Set-EmulatorMetadata @{ failure = 'silent' }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $failure = Use-Environment $onTheVm { Get-TerminatingError { Connect-MrsProject -UseMetadata -Endpoint $url -IamEndpoint $url } }

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $failure.FullyQualifiedErrorId | Should -Be 'MrsMetadataUnavailable,MrsJobs.Commands.ConnectMrsProjectCommand'
        "$failure" | Should -Match 'gave no answer within 3 s'
    }

    It 'tells to give the VM an agency when the metadata service says it has none' {
        Set-EmulatorMetadata @{ failure = 'no_agency' }

        $failure = Use-Environment $onTheVm { Get-TerminatingError { Connect-MrsProject -UseMetadata -Endpoint $url -IamEndpoint $url } }

        $failure.FullyQualifiedErrorId | Should -Be 'MrsMetadataRefused,MrsJobs.Commands.ConnectMrsProjectCommand'
        "$failure" | Should -Match 'Please configure Cloud Service Agency first'
        "$failure" | Should -Match 'Give the VM an agency'
    }
}
