#Requires -Version 7.0
# Connect-MrsProject with access keys: explicit, from the environment, from the profile file; signing on the wire.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    # No developer's own ~/.huaweicloud/credentials may leak into these tests.
    $noProfile = @{ HUAWEICLOUD_SDK_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-such-file') }
    $noEnvironment = @{
        HUAWEICLOUD_SDK_AK = $null; HUAWEICLOUD_SDK_SK = $null; HUAWEICLOUD_SDK_SECURITY_TOKEN = $null
        HUAWEICLOUD_SDK_PROJECT_ID = $null; HUAWEICLOUD_SDK_IAM_ENDPOINT = $null; HUAWEICLOUD_SDK_DOMAIN_ID = $null
        HUAWEICLOUD_SDK_IDP_ID = $null; HUAWEICLOUD_SDK_ID_TOKEN_FILE = $null
        # The chain's last step asks the metadata service: here, one that is not there.
        MRSJOBS_METADATA_ENDPOINT = "http://127.0.0.1:$(Get-ClosedLoopbackPort)"
    }

    function Submit-TestJob([string] $Name = 'signed') {
        New-MrsJobExecution -ClusterId $seed.FullCluster -JobName $Name -JobType MapReduce -Arguments 'obs://b/wc.jar'
    }

    function Assert-Signed($Request, [switch] $WithProject) {
        Get-RequestHeader $Request 'Authorization' | Should -Match "^SDK-HMAC-SHA256 Access=$($seed.AccessKey), SignedHeaders=[a-z;-]*host[a-z;-]*x-sdk-date[a-z;-]*, Signature=[0-9a-f]{64}$"
        Get-RequestHeader $Request 'X-Sdk-Date' | Should -Match '^\d{8}T\d{6}Z$'
        Get-RequestHeader $Request 'X-Auth-Token' | Should -BeNullOrEmpty
        if ($WithProject) { Get-RequestHeader $Request 'X-Project-Id' | Should -Be $seed.ProjectId }
    }
}

Describe 'Connect-MrsProject with an access key' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
    }

    It 'looks the region''s project up with a signed request, then signs every MRS request' {
        $session = Connect-MrsProject -AccessKey $seed.AccessKey -SecretKey $seed.SecretKey -Region $seed.Region -Endpoint $url -IamEndpoint $url -PassThru

        $result = Submit-TestJob

        $result.Succeeded | Should -BeTrue
        $session.AuthMethod | Should -Be 'AccessKey'
        $session.ProjectId | Should -Be $seed.ProjectId
        $session.CredentialSource | Should -Be 'access key ****0001 from parameters -AccessKey/-SecretKey'
        $iam, $mrs = Get-EmulatorRequest -IncludeIam
        $iam.path | Should -Be '/v3/projects'
        $iam.query | Should -Be "name=$($seed.Region)"
        Assert-Signed $iam
        Get-RequestHeader $iam 'X-Project-Id' | Should -BeNullOrEmpty
        Assert-Signed $mrs -WithProject
    }

    It 'signs with a temporary key and its security token' {
        $token = ConvertTo-SecureString $seed.SecurityToken -AsPlainText -Force
        Connect-MrsProject -AccessKey $seed.TempAccessKey -SecretKey $seed.TempSecretKey -SecurityToken $token -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url

        (Submit-TestJob).Succeeded | Should -BeTrue

        $request = @(Get-EmulatorRequest)[0]
        Get-RequestHeader $request 'X-Security-Token' | Should -Be $seed.SecurityToken
        Get-RequestHeader $request 'Authorization' | Should -Match 'SignedHeaders=[^,]*x-security-token'
    }

    It 'says to check the key pair and the clock when a signature is refused, and never retries it' {
        Connect-MrsProject -AccessKey $seed.AccessKey -SecretKey 'not-the-secret-key' -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url

        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = "row-$_"; JobType = 'MapReduce' } }
        $rows | New-MrsJobExecution -ErrorVariable failures -ErrorAction SilentlyContinue

        @(Get-EmulatorRequest).Count | Should -Be 1
        $failures.Count | Should -Be 3
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MrsApiError.APIGW.0301,*'
        $failures[0].ToString() | Should -Match 'verify aksk signature fail'
        $failures[0].ToString() | Should -Match 'clock'
        $failures[0].ToString() | Should -Match 'five in a row lock the access key'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'MrsJobNotSentAfterAuthenticationFailure,*'
    }

    It 'names the region when IAM has no project of that name' {
        $failure = Get-TerminatingError {
            Connect-MrsProject -AccessKey $seed.AccessKey -SecretKey $seed.SecretKey -Region 'la-south-2' -Endpoint $url -IamEndpoint $url
        }

        $failure.FullyQualifiedErrorId | Should -BeLike 'IamProjectNotFound,*'
        $failure.ToString() | Should -Match "no project named 'la-south-2'"
    }

    It 'takes the keys from the HUAWEICLOUD_SDK_* environment variables and says so with -Verbose' {
        $variables = $noProfile + @{
            HUAWEICLOUD_SDK_AK = $seed.AccessKey; HUAWEICLOUD_SDK_SK = $seed.SecretKey; HUAWEICLOUD_SDK_PROJECT_ID = $seed.ProjectId
            HUAWEICLOUD_SDK_SECURITY_TOKEN = $null; HUAWEICLOUD_SDK_IAM_ENDPOINT = $null
        }
        $verbose = Use-Environment $variables { Connect-MrsProject -Endpoint $url -IamEndpoint $url -Verbose 4>&1 }

        ($verbose.Message -join "`n") | Should -Match 'Using the access key \*\*\*\*0001 from environment variables'
        (Submit-TestJob).Succeeded | Should -BeTrue
        @(Get-EmulatorRequest -IncludeIam).path | Should -Not -Contain '/v3/projects'
        Assert-Signed @(Get-EmulatorRequest)[0] -WithProject
    }

    It 'takes the keys from the profile file, with comments, and its project id' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content $file -Encoding utf8 -Value @(
            '# Huawei Cloud credentials'
            '[basic]'
            "ak = $($seed.AccessKey)"
            "; the secret key"
            "sk = $($seed.SecretKey)"
            "project_id = $($seed.ProjectId)"
        )
        $variables = $noEnvironment + @{ HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file }

        $verbose = Use-Environment $variables { Connect-MrsProject -Region $seed.Region -Endpoint $url -IamEndpoint $url -Verbose 4>&1 }

        ($verbose.Message -join "`n") | Should -Match ([regex]::Escape("from profile file $file [basic]"))
        (Submit-TestJob).Succeeded | Should -BeTrue
    }

    It 'explains a profile file it cannot read, by line, without showing a value' {
        $file = Join-Path $TestDrive 'broken-credentials'
        Set-Content $file -Encoding utf8 -Value @('[basic]', "ak = $($seed.AccessKey)", "this line is $($seed.SecretKey)")
        $variables = $noEnvironment + @{ HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file }

        $failure = Use-Environment $variables { Get-TerminatingError { Connect-MrsProject -Region $seed.Region -Endpoint $url -IamEndpoint $url } }

        $failure.FullyQualifiedErrorId | Should -BeLike 'MrsCredentials.MalformedFile,*'
        $failure.ToString() | Should -Match 'line 3'
        $failure.ToString() | Should -Not -Match ([regex]::Escape($seed.SecretKey))
    }

    It 'lists where it looked when no source has a key' {
        $failure = Use-Environment ($noEnvironment + $noProfile) { Get-TerminatingError { Connect-MrsProject -Region $seed.Region -Endpoint $url -IamEndpoint $url } }

        $failure.FullyQualifiedErrorId | Should -BeLike 'MrsCredentials.NotFound,*'
        $failure.ToString() | Should -Match 'HUAWEICLOUD_SDK_AK/SK and HUAWEICLOUD_SDK_IDP_ID/HUAWEICLOUD_SDK_ID_TOKEN_FILE \(not set\)'
        $failure.ToString() | Should -Match 'profile file .*no-such-file \(not found'
        $failure.ToString() | Should -Match 'instance metadata service http://127\.0\.0\.1:\d+ \(cannot connect'
        @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
    }

    It 'prefers parameters to the environment' {
        $variables = $noProfile + @{ HUAWEICLOUD_SDK_AK = 'ENVACCESSKEY00000009'; HUAWEICLOUD_SDK_SK = 'wrong' }

        $session = Use-Environment $variables {
            Connect-MrsProject -AccessKey $seed.AccessKey -SecretKey $seed.SecretKey -ProjectId $seed.ProjectId -Endpoint $url -IamEndpoint $url -PassThru
        }

        $session.CredentialSource | Should -Match '\*\*\*\*0001 from parameters'
        (Submit-TestJob).Succeeded | Should -BeTrue
    }
}
