#Requires -Version 7.0
# Connect-MrsProject by ID-token federation: -IdpId/-IdTokenFile and the HUAWEICLOUD_SDK_IDP_ID/ID_TOKEN_FILE variables,
# renewal that reads a rotated token file. The emulator plays both the identity provider (minting tokens) and IAM.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    $idpId = 'corp-oidc'
    $nothingElse = @{
        HUAWEICLOUD_SDK_AK = $null; HUAWEICLOUD_SDK_SK = $null; HUAWEICLOUD_SDK_SECURITY_TOKEN = $null
        HUAWEICLOUD_SDK_PROJECT_ID = $null; HUAWEICLOUD_SDK_IAM_ENDPOINT = $null; HUAWEICLOUD_SDK_DOMAIN_ID = $null
        HUAWEICLOUD_SDK_IDP_ID = $null; HUAWEICLOUD_SDK_ID_TOKEN_FILE = $null
        HUAWEICLOUD_SDK_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-such-file')
        MRSJOBS_METADATA_ENDPOINT = "http://127.0.0.1:$(Get-ClosedLoopbackPort)"
    }

    function Register-TestIdp([hashtable] $Extra = @{}) {
        $body = @{ id = $idpId; issuer = 'https://login.example.com'; client_id = 'mrs-client' } + $Extra
        $null = Invoke-MrsEmulatorControl -Url $url -Method Post -Path 'idp' -Body $body
    }

    function Write-TestIdToken([string] $Path, [string] $TokenId, [int] $LifetimeSeconds = 3600) {
        $minted = Invoke-MrsEmulatorControl -Url $url -Method Post -Path 'idp/tokens' -Body @{ idp_id = $idpId; token_id = $TokenId; lifetime_seconds = $LifetimeSeconds }
        Set-Content -Path $Path -Value $minted.id_token -Encoding utf8NoBOM
        $minted.id_token
    }

    function Get-TestIdp { @(Invoke-MrsEmulatorControl -Url $url -Method Get -Path 'idp')[0] }
}

Describe 'Connect-MrsProject with an ID token' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
        Register-TestIdp
        $tokenFile = Get-TestFilePath 'id_token'
    }

    It 'exchanges the token of -IdTokenFile at IAM for -IdpId and submits with the IAM token' {
        $null = Write-TestIdToken $tokenFile 'jti-1'

        $session = Connect-MrsProject -IdpId $idpId -IdTokenFile $tokenFile -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url -PassThru
        $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName federated -JobType MapReduce

        $result.Succeeded | Should -BeTrue
        $session.AuthMethod | Should -Be 'IdToken'
        $session.ProjectId | Should -Be $seed.ProjectId
        $session.CanRenew | Should -BeTrue
        $session.CredentialSource | Should -Be "ID token file $tokenFile of identity provider $idpId from parameters -IdpId/-IdTokenFile"
        $exchange = @(Get-EmulatorRequest -IncludeIam)[0]
        $exchange.path | Should -Be '/v3.0/OS-AUTH/id-token/tokens'
        Get-RequestHeader $exchange 'X-Idp-Id' | Should -Be $idpId
        Get-RequestHeader @(Get-EmulatorRequest)[0] 'X-Auth-Token' | Should -Not -BeNullOrEmpty
        (Get-TestIdp).last_token_id | Should -Be 'jti-1'
    }

    It 'resolves a relative -IdTokenFile against the current location and scopes to the region''s project without -ProjectId' {
        $null = Write-TestIdToken $tokenFile 'jti-1'
        Push-Location (Split-Path $tokenFile)
        try { $session = Connect-MrsProject -IdpId $idpId -IdTokenFile ./id_token -Region $seed.Region -Endpoint $url -IamEndpoint $url -PassThru }
        finally { Pop-Location }

        $session.CredentialSource | Should -Match ([regex]::Escape("ID token file $tokenFile "))
        $session.ProjectId | Should -Be $seed.ProjectId
        $session.ProjectName | Should -Be $seed.Region
    }

    It 'takes the identity provider, token file and project from the environment variables' {
        $null = Write-TestIdToken $tokenFile 'jti-env'
        $variables = $nothingElse.Clone()
        $variables.HUAWEICLOUD_SDK_IDP_ID = $idpId
        $variables.HUAWEICLOUD_SDK_ID_TOKEN_FILE = $tokenFile
        $variables.HUAWEICLOUD_SDK_PROJECT_ID = $seed.ProjectId
        $variables.HUAWEICLOUD_SDK_AK = 'IGNOREDACCESSKEY0001'   # as in the SDKs, the identity provider wins over keys of the same source
        $variables.HUAWEICLOUD_SDK_SK = 'ignored-because-the-idp-wins'

        $session = Use-Environment $variables { Connect-MrsProject -Endpoint $url -IamEndpoint $url -PassThru }

        $session.AuthMethod | Should -Be 'IdToken'
        $session.CredentialSource | Should -Match 'from environment variables HUAWEICLOUD_SDK_IDP_ID/HUAWEICLOUD_SDK_ID_TOKEN_FILE$'
        (New-MrsJobExecution -ClusterId $seed.FullCluster -JobName from-env -JobType MapReduce).Succeeded | Should -BeTrue
        (Get-TestIdp).last_token_id | Should -Be 'jti-env'
    }

    It 'reads the token file again at each renewal, so a rotated token is used, with no failure mid-run' {
        Register-TestIdp @{ token_lifetime_seconds = 6 }
        Set-EmulatorSetting @{ latency_ms = 250 }
        $null = Write-TestIdToken $tokenFile 'jti-1'
        Connect-MrsProject -IdpId $idpId -IdTokenFile $tokenFile -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url
        $null = Write-TestIdToken $tokenFile 'jti-2'
        $csv = Export-TestJobCsv -Name 'federated.csv' -Rows (New-TestJobRow -Count 100 -Prefix federated)

        $results = @(Import-Csv $csv | New-MrsJobExecution -ThrottleLimit 4 -ErrorVariable failures)

        $failures.Count | Should -Be 0
        @($results | Where-Object Succeeded).Count | Should -Be 100
        @(Get-EmulatorRequest | Where-Object status -ne 200).Count | Should -Be 0
        $idp = Get-TestIdp
        $idp.exchanges | Should -BeGreaterOrEqual 2
        $idp.last_token_id | Should -Be 'jti-2'
        @(Get-EmulatorRequest | ForEach-Object { Get-RequestHeader $_ 'X-Auth-Token' } | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 2
    }

    It 'says IAM refused an expired ID token, naming the provider and not the token' {
        $idToken = Write-TestIdToken $tokenFile 'jti-old' -LifetimeSeconds -10

        $failure = Get-TerminatingError { Connect-MrsProject -IdpId $idpId -IdTokenFile $tokenFile -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url }

        $failure.FullyQualifiedErrorId | Should -Be 'IamAuthenticationFailed,MrsJobs.Commands.ConnectMrsProjectCommand'
        "$failure" | Should -Match "IAM refused the ID token of identity provider '$idpId' \(HTTP 401\): The ID token has expired"
        ($failure | Out-String) + $failure.Exception.ToString() | Should -Not -Match ([regex]::Escape($idToken.Split('.')[1]))
    }

    It 'names the token file it cannot read' {
        $missing = Get-TestFilePath 'no-token-here'

        $failure = Get-TerminatingError { Connect-MrsProject -IdpId $idpId -IdTokenFile $missing -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url }

        $failure.FullyQualifiedErrorId | Should -Be 'MrsCredentials.UnreadableFile,MrsJobs.Commands.ConnectMrsProjectCommand'
        "$failure" | Should -Match ([regex]::Escape("ID token file '$missing' could not be read: it does not exist."))
    }
}
