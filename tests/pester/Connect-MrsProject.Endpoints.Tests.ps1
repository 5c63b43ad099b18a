#Requires -Version 7.0
# Connect-MrsProject's endpoints as the SDKs resolve them: the region table, HUAWEICLOUD_SDK_REGION_* and regions.yaml
# overrides (pointed at the emulator, connecting with -Region only), an unknown region, the sources shown, completion.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $url = Get-EmulatorUrl
    $cmdletId = 'MrsJobs.Commands.ConnectMrsProjectCommand'
    # No developer's own ~/.huaweicloud files or HUAWEICLOUD_SDK_* settings may leak into these tests.
    $isolated = @{
        HUAWEICLOUD_SDK_REGIONS_FILE = (Join-Path $TestDrive 'no-such-regions.yaml')
        HUAWEICLOUD_SDK_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-such-credentials')
        HUAWEICLOUD_SDK_IAM_ENDPOINT = $null; HUAWEICLOUD_SDK_AK = $null; HUAWEICLOUD_SDK_SK = $null
        HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4 = $null; HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4 = $null
    }

    function Get-Isolated([hashtable] $Variables = @{}) {
        $all = $isolated.Clone()
        foreach ($name in $Variables.Keys) { $all[$name] = $Variables[$name] }
        $all
    }

    function Connect-ByRegion {
        [CmdletBinding()]
        param([string] $Region = $seed.Region)
        Connect-MrsProject -Credential (New-TestCredential) -DomainName $seed.Domain -Region $Region -PassThru
    }

    function Assert-UsedTheEmulator($Session) {
        $Session.Endpoint.AbsoluteUri.TrimEnd('/') | Should -Be $url
        $Session.IamEndpoint.AbsoluteUri.TrimEnd('/') | Should -Be $url
        @(Get-EmulatorRequest -IncludeIam | Where-Object path -eq '/v3/auth/tokens').Count | Should -Be 1
        (New-MrsJobExecution -ClusterId $seed.FullCluster -JobName by-override -JobType MapReduce).State | Should -Be 'COMPLETE'
    }
}

Describe 'Connect-MrsProject endpoints' {

    BeforeEach {
        Reset-Emulator
        Disconnect-MrsProject
    }

    It 'uses HUAWEICLOUD_SDK_REGION_MRS_{REGION} and _IAM_{REGION}, connecting with -Region only, and says so' {
        $variables = Get-Isolated @{ HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4 = $url; HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4 = "$url/v3" }
        $session = Use-Environment $variables { Connect-ByRegion -Verbose 4>$TestDrive/verbose.txt }

        Assert-UsedTheEmulator $session
        $session.EndpointSource | Should -Be 'Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4)'
        $session.IamEndpointSource | Should -Be 'Environment (HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4)'
        $verbose = Get-Content -Raw $TestDrive/verbose.txt
        $verbose | Should -BeLike "*MRS endpoint $url/ from Environment (HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4).*"
        $verbose | Should -BeLike "*IAM endpoint $url/ from Environment (HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4).*"
    }

    It 'uses the regions file HUAWEICLOUD_SDK_REGIONS_FILE names, and Get-MrsSession shows the sources' {
        $file = Join-Path $TestDrive 'my_regions.yml'
        Set-Content $file -Encoding utf8 -Value @(
            '# Service name is case-insensitive'
            'Mrs:'
            "  - id: '$($seed.Region)'"
            "    endpoint: '$url'"
            'IAM:'
            "  - id: $($seed.Region)"
            '    endpoints:'
            "      - $url"
            '      - https://iam.backup.example.com'
        )
        $session = Use-Environment (Get-Isolated @{ HUAWEICLOUD_SDK_REGIONS_FILE = $file }) { Connect-ByRegion }

        Assert-UsedTheEmulator $session
        $shown = Get-MrsSession | Format-List | Out-String
        $shown | Should -Match "(?m)^EndpointSource\s*:\s*RegionsFile \($([regex]::Escape($file)), line 4\)"
        $shown | Should -Match "(?m)^IamEndpointSource\s*:\s*RegionsFile \($([regex]::Escape($file)), line 8\)"
    }

    It 'reads ~/.huaweicloud/regions.yaml when no variable names another file' {
        $profileFolder = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory -Force (Join-Path $profileFolder '.huaweicloud')
        Set-Content (Join-Path $profileFolder '.huaweicloud/regions.yaml') -Encoding utf8 -Value @(
            'MRS:', "- id: $($seed.Region)", "  endpoint: $url", 'IAM:', "- id: $($seed.Region)", "  endpoint: $url"
        )
        $variables = Get-Isolated @{ HUAWEICLOUD_SDK_REGIONS_FILE = $null; HOME = $profileFolder; USERPROFILE = $profileFolder }
        $session = Use-Environment $variables { Connect-ByRegion }

        Assert-UsedTheEmulator $session
        $session.EndpointSource | Should -BeLike 'RegionsFile (*regions.yaml, line 3)'
    }

    It 'lets -Endpoint and -IamEndpoint beat every override' {
        $variables = Get-Isolated @{ HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4 = 'https://mrs.unused.example.com'; HUAWEICLOUD_SDK_IAM_ENDPOINT = 'iam.unused.example.com' }
        $session = Use-Environment $variables { Connect-TestProject -PassThru }

        Assert-UsedTheEmulator $session
        $session.EndpointSource | Should -Be 'Parameter (-Endpoint)'
        $session.IamEndpointSource | Should -Be 'Parameter (-IamEndpoint)'
    }

    It 'adds https:// to HUAWEICLOUD_SDK_IAM_ENDPOINT given without a scheme, as the Go SDK does' {
        $variables = Get-Isolated @{ HUAWEICLOUD_SDK_IAM_ENDPOINT = 'iam.example.com' }
        $session = Use-Environment $variables {
            Connect-MrsProject -AccessKey $seed.AccessKey -SecretKey $seed.SecretKey -ProjectId $seed.ProjectId -Region $seed.Region -Endpoint $url -PassThru
        }

        $session.IamEndpoint.AbsoluteUri | Should -Be 'https://iam.example.com/'
        $session.IamEndpointSource | Should -Be 'Environment (HUAWEICLOUD_SDK_IAM_ENDPOINT)'
        @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
    }

    It 'warns about -Region cn-nort-4, naming cn-north-4, and goes on with the guessed endpoint' {
        $token = (New-EmulatorToken).token
        # IAM is pointed at the emulator, so the token check goes somewhere real; MRS is left to the guess.
        $variables = Get-Isolated @{ HUAWEICLOUD_SDK_REGION_IAM_CN_NORT_4 = $url }
        $session, $warnings = Use-Environment $variables {
            $made = Connect-MrsProject -Token $token -ProjectId $seed.ProjectId -Region cn-nort-4 -PassThru -WarningVariable said -WarningAction SilentlyContinue
            $made, @($said)
        }

        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*'cn-nort-4' is not in the SDKs' MRS region table; the nearest known region is cn-north-4*"
        $session.Endpoint.AbsoluteUri | Should -Be 'https://mrs.cn-nort-4.myhuaweicloud.com/'
        $session.EndpointSource | Should -Be "Guessed (cn-nort-4 is not in the SDKs' MRS table)"
        $session.ExpiresAt | Should -Not -BeNullOrEmpty
    }

    It 'gives the SDK''s table endpoints and the global IAM fallback for <Region>' -ForEach @(
        @{ Region = 'ap-southeast-1'; Mrs = 'https://mrs.ap-southeast-1.myhuaweicloud.cn/'; IamSource = 'RegionTable' }
        @{ Region = 'cn-north-11'; Mrs = 'https://mrs.cn-north-11.myhuaweicloud.com/'; IamSource = "GlobalFallback (cn-north-11 is not in the SDKs' IAM table)" }
    ) {
        $session = Use-Environment $isolated { Connect-MrsProject -Token 'MIIunused' -ProjectId $seed.ProjectId -Region $Region -Endpoint $url -PassThru }
        $direct = Use-Environment $isolated { Connect-MrsProject -AccessKey $seed.AccessKey -SecretKey $seed.SecretKey -ProjectId $seed.ProjectId -Region $Region -PassThru }

        $session.IamEndpoint | Should -BeNullOrEmpty -Because 'a token for -Endpoint goes to no IAM it was not given'
        $direct.Endpoint.AbsoluteUri | Should -Be $Mrs
        $direct.EndpointSource | Should -Be 'RegionTable'
        $direct.IamEndpointSource | Should -Be $IamSource
        @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
    }

    It 'stops with <Id> before sending anything when <Case>' -ForEach @(
        @{ Case = 'a variable holds plain http to a remote host'; Id = 'MrsEndpoints.InvalidValue'; Variables = @{ HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4 = 'http://10.1.2.3' }; Yaml = $null; Text = '*HUAWEICLOUD_SDK_REGION_MRS_CN_NORTH_4*plain http*' }
        @{ Case = 'the regions file is not the SDKs'' shape'; Id = 'MrsEndpoints.MalformedFile'; Variables = @{}; Yaml = "MRS:`n  - id: cn-north-4`n    endpiont: x"; Text = '*line 3*''endpiont'' is not read*' }
    ) {
        $variables = Get-Isolated $Variables
        if ($Yaml) {
            $variables.HUAWEICLOUD_SDK_REGIONS_FILE = Join-Path $TestDrive 'broken.yaml'
            Set-Content $variables.HUAWEICLOUD_SDK_REGIONS_FILE -Value $Yaml
        }

        $failure = Use-Environment $variables { Get-TerminatingError { Connect-ByRegion -ErrorAction SilentlyContinue } }

        $failure.FullyQualifiedErrorId | Should -Be "$Id,$cmdletId"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike $Text
        @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
    }

    It 'completes -Region with every MRS region of the SDKs'' table' {
        $table = [MrsJobs.Core.Sessions.MrsSession].Assembly.GetType('MrsJobs.Core.Regions.RegionTable').GetProperty('MrsRegions').GetValue($null)
        $line = 'Connect-MrsProject -Region '

        $completed = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)

        $completed | Should -Be @($table)
        $completed.Count | Should -Be 33
        foreach ($region in 'cn-north-2', 'eu-west-0', 'my-kualalumpur-1', 'ru-moscow-1', 'ae-ad-1', 'cn-south-4', 'cn-east-5',
            'cn-north-12', 'cn-east-4', 'cn-north-11', 'cn-southwest-3', 'ap-southeast-5', 'af-north-1') {
            $completed | Should -Contain $region
        }
    }
}
