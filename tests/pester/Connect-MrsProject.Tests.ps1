#Requires -Version 7.0
# Connect-MrsProject against the emulator's IAM: each parameter set, the session it keeps, and its failures.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    $cmdletId = 'MrsJobs.Commands.ConnectMrsProjectCommand'

    function Get-IamTokenRequest { @(Get-EmulatorRequest -IncludeIam | Where-Object path -eq '/v3/auth/tokens') }
}

Describe 'Connect-MrsProject' {

    BeforeEach {
        Reset-Emulator
    }

    Context 'password sign-in' {

        It 'signs in by region and scopes the token to the region''s project' {
            $session = Connect-TestProject -PassThru

            $session.ProjectId | Should -Be $seed.ProjectId
            $session.ProjectName | Should -Be $seed.Region
            $session.Region | Should -Be $seed.Region
            $session.AuthMethod.ToString() | Should -Be 'Password'
            $request = @(Get-IamTokenRequest)
            $request.Count | Should -Be 1
            $request[0].method | Should -Be 'POST'
            $body = ConvertFrom-RequestBody $request[0]
            $body.auth.identity.methods | Should -Be @('password')
            $body.auth.identity.password.user.name | Should -Be $seed.User
            $body.auth.identity.password.user.domain.name | Should -Be $seed.Domain
            $body.auth.scope.project.name | Should -Be $seed.Region
        }

        It 'scopes the token to the project given by -ProjectId' {
            $session = Connect-TestProject -PassThru -Extra @{ ProjectId = $seed.OtherProjectId }

            $session.ProjectId | Should -Be $seed.OtherProjectId
            $session.ProjectName | Should -Be $seed.OtherRegion
            (ConvertFrom-RequestBody (Get-IamTokenRequest)[0]).auth.scope.project.id | Should -Be $seed.OtherProjectId
        }

        It 'scopes the token to the project given by -ProjectName, not the region''s' {
            $session = Connect-TestProject -PassThru -Extra @{ ProjectName = $seed.OtherRegion }

            $session.ProjectId | Should -Be $seed.OtherProjectId
            $session.ProjectName | Should -Be $seed.OtherRegion
            (ConvertFrom-RequestBody (Get-IamTokenRequest)[0]).auth.scope.project.name | Should -Be $seed.OtherRegion
        }

        It 'makes the new session the default for later commands' {
            Connect-TestProject
            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName default-session -JobType MapReduce

            $result.State | Should -Be 'COMPLETE'
            $result.ProjectId | Should -Be $seed.ProjectId
        }

        It 'writes nothing to the pipeline without -PassThru' {
            $output = @(Connect-TestProject)

            $output.Count | Should -Be 0
        }
    }

    Context 'token sign-in' {

        It 'uses a token the user already has with -ProjectId, without calling IAM' {
            $token = New-EmulatorToken
            $session = Connect-MrsProject -Token $token.token -ProjectId $seed.ProjectId -Endpoint $url -PassThru

            $session.AuthMethod.ToString() | Should -Be 'Token'
            $session.ProjectId | Should -Be $seed.ProjectId
            @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0

            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName with-token -JobType MapReduce
            $result.State | Should -Be 'COMPLETE'
            Get-RequestHeader (Get-EmulatorRequest)[0] 'X-Auth-Token' | Should -BeExactly $token.token
        }

        # The SDKs' region tables: MRS on other domains for some regions; IAM from its own table, else the global endpoint.
        It 'derives the endpoints of <Region> (MRS on <Suffix>) from -Region' -ForEach @(
            @{ Region = 'cn-north-4'; Suffix = 'myhuaweicloud.com'; Iam = 'https://iam.cn-north-4.myhuaweicloud.com/' }
            @{ Region = 'ap-southeast-1'; Suffix = 'myhuaweicloud.cn'; Iam = 'https://iam.ap-southeast-1.myhuaweicloud.com/' }
            @{ Region = 'ap-southeast-4'; Suffix = 'myhuaweicloud.cn'; Iam = 'https://iam.ap-southeast-4.myhuaweicloud.com/' }
            @{ Region = 'ru-northwest-2'; Suffix = 'myhuaweicloud.cn'; Iam = 'https://iam.myhuaweicloud.com/' }
            @{ Region = 'eu-west-101'; Suffix = 'myhuaweicloud.eu'; Iam = 'https://iam.eu-west-101.myhuaweicloud.eu/' }
        ) {
            $session = Connect-MrsProject -Token 'MIIunused' -ProjectId $seed.ProjectId -Region $Region -PassThru

            $session.Endpoint.AbsoluteUri | Should -Be "https://mrs.$Region.$Suffix/"
            if ($Iam) { $session.IamEndpoint.AbsoluteUri | Should -Be $Iam }
            @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
        }

        It 'accepts the token as a SecureString' {
            $token = New-EmulatorToken
            $secure = ConvertTo-SecureString $token.token -AsPlainText -Force
            $null = Connect-MrsProject -Token $secure -ProjectId $seed.ProjectId -Endpoint $url

            (New-MrsJobExecution -ClusterId $seed.FullCluster -JobName secure-token -JobType DistCp).State | Should -Be 'COMPLETE'
            Get-RequestHeader (Get-EmulatorRequest)[0] 'X-Auth-Token' | Should -BeExactly $token.token
        }
    }

    Context '-PassThru session object' {

        BeforeAll {
            function Get-SessionText($Session) {
                ($Session | Format-List * | Out-String) + ($Session | Format-List | Out-String) + ($Session | Out-String) +
                ($Session | ConvertTo-Json -Depth 5) + $Session.ToString()
            }
        }

        It 'shows region, project, endpoints, auth method and expiry' {
            $before = [DateTimeOffset]::UtcNow
            $session = Connect-TestProject -PassThru

            $session.Region | Should -Be $seed.Region
            $session.ProjectId | Should -Be $seed.ProjectId
            $session.ProjectName | Should -Be $seed.Region
            $session.Endpoint.AbsoluteUri.TrimEnd('/') | Should -Be $url
            $session.IamEndpoint.AbsoluteUri.TrimEnd('/') | Should -Be $url
            $session.AuthMethod.ToString() | Should -Be 'Password'
            $session.ExpiresAt | Should -BeGreaterThan $before.AddHours(23)
            $session.ExpiresAt | Should -BeLessThan $before.AddHours(25)
            $text = $session | Format-List | Out-String
            foreach ($label in 'Region', 'ProjectId', 'AuthMethod', 'Endpoint', 'IamEndpoint', 'ExpiresAt') {
                $text | Should -Match "(?m)^$label\s*:"
            }
        }

        It 'never shows the password or the token, in any view or as JSON' {
            $session = Connect-TestProject -PassThru
            $null = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName reveal-token -JobType MapReduce
            $token = Get-RequestHeader (Get-EmulatorRequest)[0] 'X-Auth-Token'
            $token | Should -Not -BeNullOrEmpty

            $text = Get-SessionText $session
            $text | Should -Not -BeLike "*$token*"
            $text | Should -Not -BeLike "*$($seed.Password)*"
            $session.PSObject.Properties.Name | Should -Not -Contain 'Token'
            $session.PSObject.Properties.Name | Should -Not -Contain 'Authenticator'
        }

        It 'never shows a token given with -Token' {
            $token = (New-EmulatorToken).token
            $session = Connect-MrsProject -Token $token -ProjectId $seed.ProjectId -Endpoint $url -PassThru

            Get-SessionText $session | Should -Not -BeLike "*$token*"
        }
    }

    Context 'failures' {

        It 'stops with IamAuthenticationFailed and IAM''s message when the password is wrong' {
            $wrong = 'Not-The-Passw0rd!'
            $err = Get-TerminatingError {
                Connect-MrsProject -Credential (New-TestCredential $seed.User $wrong) -DomainName $seed.Domain `
                    -Region $seed.Region -Endpoint $url -IamEndpoint $url -ErrorAction SilentlyContinue
            }

            $err.FullyQualifiedErrorId | Should -Be "IamAuthenticationFailed,$cmdletId"
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.Message | Should -BeLike '*The username or password is wrong.*'
            ($err | Out-String) + $err.Exception.ToString() | Should -Not -BeLike "*$wrong*"
        }

        It 'stops with IamProjectNotFound and names the project when IAM does not know it' {
            $err = Get-TerminatingError { Connect-TestProject -Extra @{ ProjectName = 'cn-nowhere-9_dev'; ErrorAction = 'SilentlyContinue' } }

            $err.FullyQualifiedErrorId | Should -Be "IamProjectNotFound,$cmdletId"
            $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err.Exception.Message | Should -BeLike '*cn-nowhere-9_dev*'
        }

        It 'stops with a ConnectionError when IAM cannot be reached, after the retries the session allows' {
            $closed = "http://127.0.0.1:$(Get-ClosedLoopbackPort)"
            $err = Get-TerminatingError {
                Connect-MrsProject -Credential (New-TestCredential) -DomainName $seed.Domain -Region $seed.Region `
                    -Endpoint $url -IamEndpoint $closed -MaxRetries 1 -ErrorAction SilentlyContinue
            }

            $err.FullyQualifiedErrorId | Should -Be "MrsConnection,$cmdletId"
            $err.CategoryInfo.Category | Should -Be 'ConnectionError'
            $err.Exception.Message | Should -BeLike "*$closed*"
            $err.Exception.Message | Should -Not -BeLike "*$($seed.Password)*"
        }

        It 'refuses plain http to a non-loopback MRS endpoint before sending anything' {
            $err = Get-TerminatingError {
                Connect-MrsProject -Credential (New-TestCredential) -DomainName $seed.Domain -Region $seed.Region `
                    -Endpoint 'http://mrs.example.com' -IamEndpoint $url -ErrorAction SilentlyContinue
            }

            $err.FullyQualifiedErrorId | Should -Be "MrsInvalidConnectArgument,$cmdletId"
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -BeLike '*https*'
            @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
        }

        It 'refuses plain http to a non-loopback IAM endpoint' {
            $err = Get-TerminatingError {
                Connect-MrsProject -Credential (New-TestCredential) -DomainName $seed.Domain -Region $seed.Region `
                    -Endpoint $url -IamEndpoint 'http://iam.example.com' -ErrorAction SilentlyContinue
            }

            $err.FullyQualifiedErrorId | Should -Be "MrsInvalidConnectArgument,$cmdletId"
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'refuses plain http to a non-loopback endpoint for a token too' {
            $token = (New-EmulatorToken).token
            $err = Get-TerminatingError { Connect-MrsProject -Token $token -ProjectId $seed.ProjectId -Endpoint 'http://10.1.2.3:8080' -ErrorAction SilentlyContinue }

            $err.FullyQualifiedErrorId | Should -Be "MrsInvalidConnectArgument,$cmdletId"
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -Not -BeLike "*$token*"
        }

        It 'keeps the previous session when a new sign-in fails' {
            Connect-TestProject
            $null = Get-TerminatingError { Connect-TestProject -Password 'wrong-password' }

            (New-MrsJobExecution -ClusterId $seed.FullCluster -JobName still-connected -JobType MapReduce).State | Should -Be 'COMPLETE'
        }
    }
}
