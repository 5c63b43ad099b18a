#Requires -Version 7.0
# No token, password or secret property value in any stream, the transcript or an error, even with -Verbose -Debug.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/SecretAssertions.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl

    $accessKey = 'HPUAEXAMPLEACCESSKEY7Q2'
    $secretKey = 'sEcReT9f8e7d6c5b4a3z2y1xWvUtSrQpOnMlKjIh'
    $properties = [ordered]@{
        'fs.obs.endpoint'   = 'obs.cn-north-4.myhuaweicloud.com'
        'fs.obs.access.key' = $accessKey
        'fs.obs.secret.key' = $secretKey
    }
}

Describe 'Secrets' {

    BeforeEach {
        Reset-Emulator
        $transcript = Join-Path $TestDrive "transcript-$([guid]::NewGuid().ToString('n')).txt"
    }

    It 'shows no token, password or secret property value with -Verbose -Debug, in any stream, the transcript or the errors' {
        $Error.Clear()
        $null = Start-Transcript -Path $transcript
        try {
            $captured = & {
                $session = Connect-MrsProject -Credential (New-TestCredential) -DomainName $seed.Domain -Region $seed.Region `
                    -Endpoint $url -IamEndpoint $url -PassThru -Verbose -Debug
                $session
                $session | Format-List * | Out-String
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName with-secrets -JobType SparkSubmit `
                    -Arguments 'obs://bucket/app.jar' -Properties $properties -Verbose -Debug
                New-MrsJobExecution -ClusterId $seed.NoHiveCluster -JobName refused-with-secrets -JobType HiveSql `
                    -Arguments '-e', 'SELECT 1' -Properties $properties -Verbose -Debug -ErrorAction Continue
                New-MrsJobExecution -ClusterId '00000000-0000-0000-0000-000000000000' -JobName missing-cluster -JobType MapReduce `
                    -Properties $properties -Verbose -Debug -ErrorAction Continue
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName invalid-with-secrets -JobType MapReduce `
                    -Properties @{ 'fs.obs.secret.key' = "$secretKey!" } -Verbose -Debug -ErrorAction Continue
            } *>&1
        }
        finally {
            $null = Stop-Transcript
        }

        $requests = @(Get-EmulatorRequest)
        $requests.Count | Should -Be 3
        $token = Get-RequestHeader $requests[0] 'X-Auth-Token'
        $token | Should -Not -BeNullOrEmpty
        # The secrets did reach the service, so the test below is not vacuous.
        $requests[0].body | Should -BeLike "*$secretKey*"
        $requests[0].body | Should -BeLike "*$accessKey*"

        $errors = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 3
        @($captured | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        $all = (ConvertTo-AllText $captured) + (ConvertTo-AllText @($Error)) + (Get-Content $transcript -Raw)
        $all | Should -BeLike '*HTTP request POST*'        # the debug trace is there …
        $all.Contains('"fs.obs.secret.key":"[redacted]"') | Should -BeTrue   # … shows the keys …
        Assert-NoSecret $all @($token, $seed.Password, $secretKey, $accessKey)   # … but never the values
    }

    It 'shows neither the password nor IAM''s token in the debug trace of a sign-in, failed or not' {
        $null = Start-Transcript -Path $transcript
        try {
            $captured = & {
                Connect-MrsProject -Credential (New-TestCredential) -DomainName $seed.Domain -Region $seed.Region `
                    -Endpoint $url -IamEndpoint $url -Verbose -Debug
                try {
                    Connect-MrsProject -Credential (New-TestCredential $seed.User 'Wr0ng-Secret-Passw0rd') -DomainName $seed.Domain `
                        -Region $seed.Region -Endpoint $url -IamEndpoint $url -Verbose -Debug
                }
                catch { $_ }
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName after-sign-in -JobType MapReduce -Debug
            } *>&1
        }
        finally {
            $null = Stop-Transcript
        }

        $token = Get-RequestHeader (Get-EmulatorRequest)[0] 'X-Auth-Token'
        $all = (ConvertTo-AllText $captured) + (Get-Content $transcript -Raw)
        $all | Should -BeLike '*/v3/auth/tokens*'
        $all.Contains('"password":"[redacted]"') | Should -BeTrue
        Assert-NoSecret $all @($token, $seed.Password, 'Wr0ng-Secret-Passw0rd')
    }

    It 'does not show a token given with -Token when the service refuses it' {
        $token = (New-EmulatorToken -LifetimeSeconds 0).token
        $null = Start-Transcript -Path $transcript
        try {
            $captured = & {
                Connect-MrsProject -Token $token -ProjectId $seed.ProjectId -Endpoint $url -PassThru -Verbose -Debug
                try {
                    New-MrsJobExecution -ClusterId $seed.FullCluster -JobName expired -JobType MapReduce -Properties $properties -Verbose -Debug
                }
                catch { $_ }
            } *>&1
        }
        finally {
            $null = Stop-Transcript
        }

        @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 1
        $all = (ConvertTo-AllText $captured) + (Get-Content $transcript -Raw)
        Assert-NoSecret $all @($token, $secretKey, $accessKey)
    }

    It 'does not show secret values when the service refuses a job whose local check was skipped' {
        $null = Start-Transcript -Path $transcript
        try {
            $captured = & {
                Connect-TestProject
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName skipped-check -JobType MapReduce -SkipCheck PropertyCharacters `
                    -Properties @{ 'fs.obs.secret.key' = "$secretKey!" } -Verbose -Debug -ErrorAction Continue
            } *>&1
        }
        finally {
            $null = Stop-Transcript
        }

        $errors = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'MrsApiError.12000002,MrsJobs.Commands.NewMrsJobExecutionCommand'
        $all = (ConvertTo-AllText $captured) + (Get-Content $transcript -Raw)
        Assert-NoSecret $all @($secretKey)
    }

    It 'shows no secret key, security token, renewed token or signature with -Verbose -Debug, across sign-ins and every cmdlet' {
        Set-EmulatorSetting @{ token_lifetime_seconds = 2 }
        Add-EmulatorJobPlan -JobName 'secret-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 300 }
        $securityToken = ConvertTo-SecureString $seed.SecurityToken -AsPlainText -Force
        $null = Start-Transcript -Path $transcript
        try {
            $captured = & {
                Connect-MrsProject -AccessKey $seed.TempAccessKey -SecretKey $seed.TempSecretKey -SecurityToken $securityToken `
                    -Region $seed.Region -Endpoint $url -IamEndpoint $url -PassThru -Verbose -Debug | Format-List * -Force | Out-String
                $job = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName secret-aksk -JobType SparkSubmit `
                    -Arguments '--conf', "fs.obs.secret.key=$secretKey", 'obs://bucket/app.jar' -Properties $properties -Verbose -Debug
                $job | Get-MrsJobExecution -Verbose -Debug | Format-List * -Force | Out-String
                $job | Wait-MrsJobExecution -PollingInterval 1 -Verbose -Debug | Format-List * -Force | Out-String
                $job | Stop-MrsJobExecution -Force -Verbose -Debug -ErrorAction Continue
                $job | Get-MrsJobSqlResult -Verbose -Debug -ErrorAction Continue
                Get-MrsSession | Format-List * -Force | Out-String
                Connect-TestProject -Extra @{ Verbose = $true; Debug = $true }
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName secret-first-token -JobType MapReduce -Verbose -Debug
                Start-Sleep -Milliseconds 1900
                New-MrsJobExecution -ClusterId $seed.FullCluster -JobName secret-renewed -JobType MapReduce -Properties $properties -Verbose -Debug
                Get-MrsJobExecution -ClusterId $seed.FullCluster -Verbose -Debug | Format-List * -Force | Out-String
                Disconnect-MrsProject -Verbose -Debug
            } *>&1
        }
        finally {
            $null = Stop-Transcript
        }

        $all = (ConvertTo-AllText $captured) + (Get-Content $transcript -Raw)
        $requests = @(Get-EmulatorRequest -IncludeIam)
        $tokens = @($requests | ForEach-Object { Get-RequestHeader $_ 'X-Auth-Token' } | Where-Object { $_ } | Sort-Object -Unique)
        $signatures = @($requests | ForEach-Object { Get-RequestHeader $_ 'Authorization' } | Where-Object { $_ } |
                ForEach-Object { ($_ -split 'Signature=')[1] })
        # Not vacuous: the secrets were used, and the traces and renewal happened.
        $tokens.Count | Should -BeGreaterOrEqual 2
        $signatures.Count | Should -BeGreaterOrEqual 5
        @($requests | Where-Object { (Get-RequestHeader $_ 'X-Security-Token') -eq $seed.SecurityToken }).Count | Should -BeGreaterOrEqual 5
        $all | Should -BeLike '*Renewing the IAM token*'
        $all | Should -BeLike '*X-Security-Token: `[redacted`]*'
        $all | Should -BeLike '*MrsJobAlreadyEnded*'
        Assert-NoSecret $all (@($seed.TempSecretKey, $seed.SecurityToken, $seed.Password, $secretKey, $accessKey) + $tokens + $signatures)
    }
    It 'names an endpoint or proxy with a password written into it without the password: message, TargetObject, Get-Error (-<Parameter>)' -ForEach @(
        @{ Parameter = 'Proxy'; Shown = 'http://proxy.example.com:3128' }
        @{ Parameter = 'Endpoint'; Shown = 'https://mrs.example.com' }
        @{ Parameter = 'IamEndpoint'; Shown = 'https://iam.example.com' }
    ) {
        $password = 'In-Url-Pa55w0rd-Never-Shown'
        $connect = @{ Credential = (New-TestCredential); DomainName = $seed.Domain; Region = $seed.Region; Endpoint = $url; IamEndpoint = $url }
        $connect[$Parameter] = $Shown -replace '://', "://alice:$password@"

        $failure = Get-TerminatingError { Connect-MrsProject @connect }

        $failure.FullyQualifiedErrorId | Should -Be 'MrsInvalidConnectArgument,MrsJobs.Commands.ConnectMrsProjectCommand'
        $failure.TargetObject | Should -Be $Shown
        "$failure" | Should -BeLike "*'$Shown*user information*"
        $all = (ConvertTo-AllText @($failure)) + ($failure | Get-Error | Out-String -Width 4096) + ($Error[0] | Get-Error | Out-String -Width 4096)
        Assert-NoSecret $all @($password)
        @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
    }

    It 'drops its copy of the -ProxyCredential password when no session comes of the connect, and at Disconnect-MrsProject' {
        $configuration = [MrsJobs.Core.Sessions.MrsSession].Assembly.GetType('MrsJobs.Core.Http.ProxyConfiguration')
        $held = { $configuration.GetProperty('HeldPasswords', [System.Reflection.BindingFlags]'NonPublic, Static').GetValue($null) }
        $proxyCredential = [pscredential]::new('proxy-user', (ConvertTo-SecureString 'Pr0xy-Pa55-Held' -AsPlainText -Force))
        # The emulator is loopback, which never goes through a proxy: the connects get as far as IAM.
        $connect = @{ DomainName = $seed.Domain; Endpoint = $url; IamEndpoint = $url; Proxy = 'http://proxy.invalid:3128'; ProxyCredential = $proxyCredential }
        Disconnect-MrsProject
        $before = & $held

        $refused = Get-TerminatingError { Connect-MrsProject @connect -Credential (New-TestCredential $seed.User 'Wr0ng-Passw0rd!') -Region $seed.Region }
        $afterRefusal = & $held
        $incomplete = Get-TerminatingError { Connect-MrsProject @connect -Credential (New-TestCredential) }   # no region, no project
        $afterIncomplete = & $held
        Connect-MrsProject @connect -Credential (New-TestCredential) -Region $seed.Region
        $whileConnected = & $held
        Disconnect-MrsProject

        $refused.FullyQualifiedErrorId | Should -Be 'IamAuthenticationFailed,MrsJobs.Commands.ConnectMrsProjectCommand'
        $incomplete.FullyQualifiedErrorId | Should -Be 'MrsInvalidConnectArgument,MrsJobs.Commands.ConnectMrsProjectCommand'
        "$incomplete" | Should -Be 'Give -Region (for example cn-north-4), -ProjectName or -ProjectId.'
        $afterRefusal | Should -Be $before
        $afterIncomplete | Should -Be $before
        $whileConnected | Should -Be ($before + 1)
        & $held | Should -Be $before
    }
}
