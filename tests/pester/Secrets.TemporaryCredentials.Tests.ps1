#Requires -Version 7.0
# No temporary key, security token, metadata session token, ID token or federated IAM token in any stream, the
# transcript, an error or Get-MrsSession, even with -Verbose -Debug and across renewals.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/SecretAssertions.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    $idpId = 'corp-oidc'
    $onTheVm = @{
        HUAWEICLOUD_SDK_AK = $null; HUAWEICLOUD_SDK_SK = $null; HUAWEICLOUD_SDK_IDP_ID = $null; HUAWEICLOUD_SDK_ID_TOKEN_FILE = $null
        HUAWEICLOUD_SDK_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-such-file'); MRSJOBS_METADATA_ENDPOINT = $url
    }

    function Get-CurrentMetadataKey {
        # The pair the emulated service hands out now: the session's own while it is not due for rotation.
        $base = $url.TrimEnd('/')
        $token = Invoke-RestMethod -Method Put -Uri "$base/meta-data/latest/api/token" -Headers @{ 'X-Metadata-Token-Ttl-Seconds' = '60' }
        $credential = (Invoke-RestMethod -Uri "$base/openstack/latest/securitykey" -Headers @{ 'X-Metadata-Token' = $token }).credential
        [string[]] @($credential.access, $credential.secret, $credential.securitytoken)
    }

    function Get-SentHeader([string] $Name) {
        @(Get-EmulatorRequest -IncludeIam | ForEach-Object { Get-RequestHeader $_ $Name } | Where-Object { $_ } | Sort-Object -Unique)
    }
}

Describe 'Secrets of temporary credentials' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
        $transcript = Join-Path $TestDrive "transcript-$([guid]::NewGuid().ToString('n')).txt"
    }

    It 'shows no key, security token or metadata session token of the VM, across a renewal and a refusal' {
        $null = Invoke-MrsEmulatorControl -Url $url -Method Put -Path 'metadata' -Body @{ key_lifetime_seconds = 4; require_session_token = $true }
        $keys = [System.Collections.Generic.List[string]]::new()
        $null = Start-Transcript -Path $transcript
        try {
            $captured = Use-Environment $onTheVm {
                & {
                    Connect-MrsProject -UseMetadata -Endpoint $url -IamEndpoint $url -PassThru -Verbose -Debug
                    foreach ($key in Get-CurrentMetadataKey) { $keys.Add($key) }
                    New-MrsJobExecution -ClusterId $seed.FullCluster -JobName first-keys -JobType MapReduce -Verbose -Debug
                    Start-Sleep -Milliseconds 3200
                    New-MrsJobExecution -ClusterId $seed.FullCluster -JobName renewed-keys -JobType MapReduce -Verbose -Debug
                    foreach ($key in Get-CurrentMetadataKey) { $keys.Add($key) }
                    Get-MrsSession | Format-List * -Force | Out-String
                    $null = Invoke-MrsEmulatorControl -Url $url -Method Put -Path 'metadata' -Body @{ failure = 'no_agency' }
                    try { Connect-MrsProject -UseMetadata -Endpoint $url -IamEndpoint $url -Verbose -Debug } catch { $_ }
                } *>&1
            }
        }
        finally {
            $null = Stop-Transcript
        }

        $all = (ConvertTo-AllText $captured) + (ConvertTo-AllText @($Error | Select-Object -First 3)) + (Get-Content $transcript -Raw)
        $sessionTokens = Get-SentHeader 'X-Metadata-Token'
        # Not vacuous: two key pairs were used, session tokens sent, and the traces show the calls.
        @(Get-SentHeader 'X-Security-Token').Count | Should -BeGreaterOrEqual 2
        $sessionTokens.Count | Should -BeGreaterOrEqual 1
        $all | Should -BeLike '*openstack/latest/securitykey*'
        $all | Should -BeLike '*Asking the instance metadata service for new temporary keys*'
        $all | Should -BeLike '*X-Metadata-Token: `[redacted`]*'
        $all | Should -BeLike '*MrsMetadataRefused*'
        $keys.Count | Should -Be 6
        $keys[0] | Should -Not -Be $keys[3] -Because 'the keys were renewed'
        Assert-NoSecret $all (@($keys) + $sessionTokens)
    }

    It 'shows neither the ID token nor IAM''s tokens for it, across a renewal and a refusal' {
        $null = Invoke-MrsEmulatorControl -Url $url -Method Post -Path 'idp' -Body @{ id = $idpId; issuer = 'https://login.example.com'; client_id = 'mrs-client'; token_lifetime_seconds = 4 }
        $tokenFile = Get-TestFilePath 'id_token'
        $idTokens = foreach ($lifetime in 3600, -10) {
            (Invoke-MrsEmulatorControl -Url $url -Method Post -Path 'idp/tokens' -Body @{ idp_id = $idpId; lifetime_seconds = $lifetime }).id_token
        }
        Set-Content $tokenFile $idTokens[0]
        $null = Start-Transcript -Path $transcript
        try {
            $captured = & {
                Connect-MrsProject -IdpId $idpId -IdTokenFile $tokenFile -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url -PassThru -Verbose -Debug
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName first-token -JobType MapReduce -Verbose -Debug
                Start-Sleep -Milliseconds 3200
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName renewed-token -JobType MapReduce -Verbose -Debug
                Get-MrsSession | Format-List * -Force | Out-String
                Set-Content $tokenFile $idTokens[1]
                try { Connect-MrsProject -IdpId $idpId -IdTokenFile $tokenFile -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url -Verbose -Debug } catch { $_ }
            } *>&1
        }
        finally {
            $null = Stop-Transcript
        }

        $all = (ConvertTo-AllText $captured) + (Get-Content $transcript -Raw)
        $iamTokens = Get-SentHeader 'X-Auth-Token'
        $iamTokens.Count | Should -BeGreaterOrEqual 2
        $all | Should -BeLike '*"id_token":{"id":"`[redacted`]"}*'
        $all | Should -BeLike '*Exchanging the ID token in*'
        $all | Should -BeLike '*IamAuthenticationFailed*'
        # A JWT's payload part alone would give the token away, so each part is looked for too.
        Assert-NoSecret $all (@($idTokens) + @($idTokens | ForEach-Object { $_.Split('.')[1] }) + $iamTokens)
    }
}
