#Requires -Version 7.0
# Connect-MrsProject behind a corporate proxy, end to end: a second emulator listens on HTTPS as made-up host names
# (mrs/iam.proxy-test.invalid, which resolve nowhere) with a self-signed certificate, and runs a counting forward
# proxy that maps those names to it. Each case runs in a pwsh of its own that trusts that certificate through
# SSL_CERT_FILE, so a case that connects proves the proxy carried it; the proxy's hop counts say which way it went.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $seed = Get-TestSeed
    $pem = Join-Path ([System.IO.Path]::GetTempPath()) "mrsjobs-proxy-test-$PID.pem"
    $behindProxy = Start-MrsEmulator -EmulatorPath $env:MRSJOBS_TEST_EMULATOR_PATH -ExtraArguments @('--tls-certificate-out', $pem, '--forward-proxy-port', '0')
    $control = $behindProxy.Url
    $info = Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'forward-proxy'
    $proxy = $info.address.TrimEnd('/')
    $tlsPort = ([uri] $info.tls_address).Port
    $mrs = "https://mrs.proxy-test.invalid:$tlsPort"
    $iam = "https://iam.proxy-test.invalid:$tlsPort"
    $proxyPassword = 'Pr0xy-Pa55-Never-Shown'
    # Whatever the machine has, a case starts with no proxy variable but those it sets (the names are case-sensitive on Linux).
    $proxyVariableNames = 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'

    function Invoke-BehindProxy {
        <# Runs the body in a new pwsh trusting the emulator's certificate, with these environment variables; returns what it reported. #>
        param([Parameter(Mandatory)] [string] $Body, [hashtable] $Environment = @{})
        $arguments = @{ mrs = $mrs; iam = $iam; proxy = $proxy; control = $control; user = $seed.User; password = $seed.Password; domain = $seed.Domain
            region = $seed.Region; cluster = $seed.FullCluster; projectId = $seed.ProjectId; ak = $seed.AccessKey; sk = $seed.SecretKey; proxyPassword = $proxyPassword }
        $variables = [hashtable]::new([System.StringComparer]::Ordinal)
        foreach ($name in $proxyVariableNames) { $variables[$name] = $null }
        $variables['SSL_CERT_FILE'] = $pem
        foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
        $child = Start-TestProcess -ScriptPath "$PSScriptRoot/fixtures/Invoke-BehindProxy.ps1" -Environment $variables `
            -ArgumentList @('-Body', $Body, '-ArgumentsJson', ($arguments | ConvertTo-Json -Compress))
        if (-not $child.Process.WaitForExit(120000)) { $child.Process.Kill($true); throw 'The pwsh behind the proxy did not finish within 2 minutes.' }
        $lines = @($child.StandardOutput.Result -split "`r?`n" | Where-Object { $_ })
        if ($lines.Count -eq 0) { throw "The pwsh behind the proxy reported nothing: $($child.StandardError.Result)" }
        $lines[-1] | ConvertFrom-Json
    }

    function Get-ProxyCount { Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'forward-proxy' }

    function Set-ProxyCredential([string] $User, [string] $Password) {
        $null = Invoke-MrsEmulatorControl -Url $control -Method Put -Path 'forward-proxy/credentials' -Body @{ user = $User; password = $Password }
    }

    function Get-Hop([string] $Target) { $hops = (Get-ProxyCount).hops; if ($hops.PSObject.Properties[$Target]) { $hops.$Target } else { 0 } }

    # Connect as the demo user to the made-up names; $Extra is more parameters as PowerShell text.
    function Get-ConnectText([string] $Extra = '') {
        '$credential = [pscredential]::new($A.user, (ConvertTo-SecureString $A.password -AsPlainText -Force)); ' +
        "Connect-MrsProject -Credential `$credential -DomainName `$A.domain -Region `$A.region -Endpoint `$A.mrs -IamEndpoint `$A.iam $Extra -ErrorAction Stop"
    }

    $submitText = '$job = New-MrsJobExecution -ClusterId $A.cluster -JobName proxied-job -JobType MapReduce -Arguments "obs://bucket/app.jar" -ErrorAction Stop; "job $($job.JobId)"'
    $proxyCredentialText = '$proxyCredential = [pscredential]::new("proxy-user", (ConvertTo-SecureString $A.proxyPassword -AsPlainText -Force)); '
}

AfterAll {
    Stop-MrsEmulator $behindProxy
    Remove-Item $pem -ErrorAction Ignore
}

Describe 'Connect-MrsProject behind a proxy' {
    BeforeEach {
        $null = Invoke-MrsEmulatorControl -Url $control -Method Post -Path 'reset'
        $null = Invoke-MrsEmulatorControl -Url $control -Method Post -Path 'forward-proxy/reset'
        Set-ProxyCredential $null $null
    }

    It 'signs in and submits a job through -Proxy, which counts the hops to IAM and MRS' {
        $result = Invoke-BehindProxy -Body ((Get-ConnectText '-Proxy $A.proxy -Verbose') + "; $submitText; (Get-MrsSession).Proxy")

        $result.Caught | Should -BeNullOrEmpty
        $result.Output | Should -Contain "$proxy/"
        $result.Output | Where-Object { $_ -like 'job *' } | Should -HaveCount 1
        @(Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'jobs').job_name | Should -Be 'proxied-job'
        Get-Hop "iam.proxy-test.invalid:$tlsPort" | Should -BeGreaterThan 0
        Get-Hop "mrs.proxy-test.invalid:$tlsPort" | Should -BeGreaterThan 0
        $result.Verbose | Should -Contain "POST $iam/v3/auth/tokens?nocatalog=true through the proxy $proxy/"
        $result.Session | Should -Match "Proxy\s+: $([regex]::Escape("$proxy/"))"
    }

    It 'answers the proxy''s 407 with -ProxyCredential, and never shows the proxy password' {
        Set-ProxyCredential 'proxy-user' $proxyPassword

        $result = Invoke-BehindProxy -Body ($proxyCredentialText + (Get-ConnectText '-Proxy $A.proxy -ProxyCredential $proxyCredential -Verbose -Debug') +
            "; $($submitText -replace '-ErrorAction Stop', '-Verbose -Debug -ErrorAction Stop'); Get-MrsSession | Format-List * | Out-String")

        $result.Caught | Should -BeNullOrEmpty
        $result.Output | Where-Object { $_ -like 'job *' } | Should -HaveCount 1
        Get-Hop "mrs.proxy-test.invalid:$tlsPort" | Should -BeGreaterThan 0
        $result.Session | Should -Match 'Proxy\s+: \S+ \(user proxy-user\)'
        $result.Debug | Should -Not -BeNullOrEmpty
        ($result | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($proxyPassword))
    }

    It 'gives MrsProxyAuthenticationRequired for a wrong proxy password, retries nothing, and never shows the password' {
        Set-ProxyCredential 'proxy-user' 'the-right-one'

        $result = Invoke-BehindProxy -Body ($proxyCredentialText + (Get-ConnectText '-Proxy $A.proxy -ProxyCredential $proxyCredential -Verbose -Debug'))

        $result.Caught.Id | Should -Be 'MrsProxyAuthenticationRequired,MrsJobs.Commands.ConnectMrsProjectCommand'
        $result.Caught.Category | Should -Be 'AuthenticationError'
        $result.Caught.Message | Should -BeLike "The proxy $proxy/ refused the credentials of user 'proxy-user' (407 Proxy Authentication Required)*-ProxyCredential*"
        (Get-ProxyCount).auth_refusals | Should -Be 2   # .NET's try without credentials and its one with them; no retry of ours
        @(Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'requests') | Should -HaveCount 0
        ($result | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($proxyPassword))
    }

    It 'counts a submission refused by the proxy as not sent, and sends no further row' {
        Set-ProxyCredential 'proxy-user' 'the-right-one'
        # An access key session with a project id sends nothing before the first submission.
        $body = $proxyCredentialText + 'Connect-MrsProject -AccessKey $A.ak -SecretKey $A.sk -ProjectId $A.projectId -Endpoint $A.mrs -IamEndpoint $A.iam -Proxy $A.proxy -ProxyCredential $proxyCredential -ErrorAction Stop; ' +
            '@(1, 2) | ForEach-Object { [pscustomobject]@{ cluster_id = $A.cluster; job_name = "row-$_"; job_type = "MapReduce"; arguments = "obs://b/app.jar $_" } } | New-MrsJobExecution -ThrottleLimit 1'

        $result = Invoke-BehindProxy -Body $body

        $result.Errors.Id | Should -Contain 'MrsProxyAuthenticationRequired,MrsJobs.Commands.NewMrsJobExecutionCommand'
        $result.Errors.Id | Should -Contain 'MrsJobNotSentAfterAuthenticationFailure,MrsJobs.Commands.NewMrsJobExecutionCommand'
        ($result.Errors | Where-Object Id -like 'MrsProxyAuthenticationRequired*').Message | Should -BeLike '*was not sent*'
        @(Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'requests') | Should -HaveCount 0
        (Get-ProxyCount).auth_refusals | Should -Be 2
    }

    It 'goes through the proxy of HTTPS_PROXY by default, and the session says where it came from' {
        $result = Invoke-BehindProxy -Body ((Get-ConnectText) + "; $submitText") -Environment @{ HTTPS_PROXY = $proxy }

        $result.Caught | Should -BeNullOrEmpty
        $result.Output | Where-Object { $_ -like 'job *' } | Should -HaveCount 1
        Get-Hop "mrs.proxy-test.invalid:$tlsPort" | Should -BeGreaterThan 0
        $result.Session | Should -Match "Proxy\s+: $([regex]::Escape("$proxy/")) \(system settings\)"
    }

    It 'goes direct with -NoProxy whatever HTTPS_PROXY says, so the made-up name cannot be reached' {
        $result = Invoke-BehindProxy -Body (Get-ConnectText '-NoProxy -MaxRetries 0') -Environment @{ HTTPS_PROXY = $proxy }

        $result.Caught.Id | Should -Be 'MrsConnection,MrsJobs.Commands.ConnectMrsProjectCommand'
        $result.Caught.Message | Should -BeLike "Cannot reach $($iam):*"
        $result.Caught.Message | Should -Not -BeLike '*through the proxy*'
        (Get-ProxyCount).hops.PSObject.Properties | Should -HaveCount 0
    }

    It 'never sends the loopback emulator through HTTP_PROXY or HTTPS_PROXY' {
        $body = 'Connect-MrsProject -Credential ([pscredential]::new($A.user, (ConvertTo-SecureString $A.password -AsPlainText -Force))) -DomainName $A.domain -Region $A.region -Endpoint $A.control -IamEndpoint $A.control -ErrorAction Stop; ' +
            "$submitText; (Get-MrsSession).Proxy"

        $result = Invoke-BehindProxy -Body $body -Environment @{ HTTP_PROXY = $proxy; HTTPS_PROXY = $proxy }

        $result.Caught | Should -BeNullOrEmpty
        $result.Output | Should -Contain 'None (loopback endpoint)'
        @(Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'jobs') | Should -HaveCount 1
        (Get-ProxyCount).hops.PSObject.Properties | Should -HaveCount 0
    }

    It 'names the proxy, without its credentials, when it cannot reach the target' {
        $explicit = Invoke-BehindProxy -Body ($proxyCredentialText + 'Connect-MrsProject -Credential ([pscredential]::new($A.user, (ConvertTo-SecureString $A.password -AsPlainText -Force))) -DomainName $A.domain -Region $A.region ' +
            '-Endpoint https://mrs.nowhere.example -IamEndpoint https://iam.nowhere.example -Proxy $A.proxy -ProxyCredential $proxyCredential -MaxRetries 0 -ErrorAction Stop')
        $fromEnvironment = Invoke-BehindProxy -Body ((Get-ConnectText '-MaxRetries 0') -replace '\$A\.(mrs|iam)', 'https://$1.nowhere.example') `
            -Environment @{ HTTPS_PROXY = $proxy -replace '://', "://proxy-user:$proxyPassword@" }

        foreach ($result in $explicit, $fromEnvironment) {
            $result.Caught.Id | Should -Be 'MrsConnection,MrsJobs.Commands.ConnectMrsProjectCommand'
            $result.Caught.Message | Should -BeLike "Cannot reach https://iam.nowhere.example through the proxy $proxy/: the proxy answered HTTP 502*"
            ($result | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($proxyPassword))
        }
        (Get-ProxyCount).unreachable | Should -Be 2
    }

    It 'does not trust a certificate the system does not, and names the proxy in the TLS error' {
        $result = Invoke-BehindProxy -Body (Get-ConnectText '-Proxy $A.proxy -MaxRetries 0') -Environment @{ SSL_CERT_FILE = $null }

        $result.Caught.Id | Should -Be 'MrsConnection,MrsJobs.Commands.ConnectMrsProjectCommand'
        $result.Caught.Message | Should -BeLike "Cannot reach $iam through the proxy $proxy/: *certificate*"
        @(Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'requests') | Should -HaveCount 0
    }

    It 'refuses -NoProxy with -Proxy, and -ProxyCredential without -Proxy, before sending anything' {
        $both = Invoke-BehindProxy -Body (Get-ConnectText '-Proxy $A.proxy -NoProxy')
        $credentialAlone = Invoke-BehindProxy -Body ($proxyCredentialText + (Get-ConnectText '-ProxyCredential $proxyCredential'))

        $both.Caught.Id | Should -Be 'MrsInvalidConnectArgument,MrsJobs.Commands.ConnectMrsProjectCommand'
        $credentialAlone.Caught.Id | Should -Be 'MrsInvalidConnectArgument,MrsJobs.Commands.ConnectMrsProjectCommand'
        $credentialAlone.Caught.Message | Should -BeLike '*-ProxyCredential*-Proxy*'
        (Get-ProxyCount).hops.PSObject.Properties | Should -HaveCount 0
        @(Invoke-MrsEmulatorControl -Url $control -Method Get -Path 'requests') | Should -HaveCount 0
    }
}
