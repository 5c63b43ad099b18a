#Requires -Version 7.0
# The .nupkg as users get it: its content, and the module installed from it with Install-PSResource, imported by
# name in a fresh pwsh and used against the emulator.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module "$PSScriptRoot/PackageSupport.psm1" -Force
    Import-Module "$PSScriptRoot/../../build/ModulePackage.psm1" -Force
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $seed = Get-TestSeed
    $install = Install-TestPackage
    $package = Get-Item $install.Package
    $expanded = Join-Path (Get-PSDrive TestDrive).Root 'nupkg'
    [System.IO.Compression.ZipFile]::ExtractToDirectory($package.FullName, $expanded)
    $entries = @(Get-ChildItem $expanded -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($expanded, $_.FullName) -replace '\\', '/' })
    $manifest = Import-PowerShellDataFile (Join-Path $expanded 'MrsJobs.psd1')
    $nuspec = ([xml](Get-Content (Join-Path $expanded 'MrsJobs.nuspec') -Raw)).package.metadata

    function Invoke-InstalledModule {
        <# Runs a script in a fresh pwsh that has only the installed module's folder put first on PSModulePath. #>
        param([Parameter(Mandatory)] [string] $Script, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
        $path = Join-Path (Get-PSDrive TestDrive).Root ('fresh-' + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $path -Value $Script -Encoding utf8
        Invoke-TestPwsh -ScriptPath $path -ArgumentList $ArgumentList -Environment (Get-InstalledModuleEnvironment -Install $install -Extra $Environment) -TimeoutSec 120
    }
}

Describe 'The MrsJobs package' {

    BeforeEach {
        Reset-Emulator
    }

    Context 'content' {

        It 'is named after the manifest''s version, which the nuspec carries too' {
            $package.Name | Should -Be "MrsJobs.$($manifest.ModuleVersion).nupkg"
            $nuspec.id | Should -Be 'MrsJobs'
            $nuspec.version | Should -Be $manifest.ModuleVersion
            $manifest.ModuleVersion | Should -Be "$(Get-ModuleVersion (Join-Path $PSScriptRoot '../../MrsJobs.psd1'))"
        }

        It 'gives the assemblies the manifest''s version' {
            $version = [version] $manifest.ModuleVersion
            foreach ($name in 'MrsJobs.dll', 'MrsJobs.Core.dll') {
                $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $expanded $name)).Version
                [version]::new($assembly.Major, $assembly.Minor, $assembly.Build) | Should -Be $version -Because $name
            }
        }

        It 'holds the module, its help and the MIT LICENSE the manifest links to' {
            foreach ($file in 'MrsJobs.psd1', 'MrsJobs.dll', 'MrsJobs.Core.dll', 'MrsJobs.format.ps1xml', 'en-US/MrsJobs.dll-Help.xml', 'en-US/about_MrsJobs.help.txt', 'LICENSE') {
                $entries | Should -Contain $file
            }
            $licence = Get-Content (Join-Path $expanded 'LICENSE') -Raw
            $licence | Should -Match '^MIT License'
            $licence | Should -Match 'Copyright \(c\) 2026 MrsJobs contributors'
            $manifest.PrivateData.PSData.LicenseUri | Should -Be "$($manifest.PrivateData.PSData.ProjectUri)/blob/main/LICENSE"
            $nuspec.licenseUrl | Should -Be $manifest.PrivateData.PSData.LicenseUri
        }

        It 'ships no debug symbols, dependency manifests or XML docs' {
            $entries | Where-Object { $_ -like '*.pdb' } | Should -BeNullOrEmpty
            $entries | Where-Object { $_ -like '*.deps.json' } | Should -BeNullOrEmpty
            $entries | Where-Object { $_ -like '*.xml' -and $_ -notlike '*-Help.xml' -and $_ -ne '[Content_Types].xml' } | Should -BeNullOrEmpty
            $entries | Where-Object { $_ -like 'System.Management.Automation*' } | Should -BeNullOrEmpty
        }

        It 'has the CHANGELOG section of its version as release notes' {
            $expected = Get-ChangelogSection -Path (Join-Path $PSScriptRoot '../../CHANGELOG.md') -Version $manifest.ModuleVersion
            $expected | Should -Match '### '
            $manifest.PrivateData.PSData.ReleaseNotes | Should -Be $expected
            $nuspec.releaseNotes.Trim() -replace "`r`n", "`n" | Should -Be $expected
        }
    }

    Context 'installed with Install-PSResource' {

        It 'lands alone in the clean temporary folder, in a MrsJobs folder named after its version' {
            $install.ModuleBase | Should -BeLike "$($install.Root)*"
            @(Get-ChildItem $install.ModulesPath -Directory).Name | Should -Be @('MrsJobs')
            Split-Path $install.ModuleBase -Leaf | Should -Be $manifest.ModuleVersion
            Test-Path (Join-Path $install.ModuleBase 'MrsJobs.dll') | Should -BeTrue
        }

        It 'imports by name in a fresh pwsh and submits a job to the emulator' {
            $run = Invoke-InstalledModule -ArgumentList @((Get-EmulatorUrl), $seed.FullCluster) -Script @'
param([string] $Url, [string] $ClusterId)
$ErrorActionPreference = 'Stop'
Import-Module MrsJobs
$credential = [pscredential]::new('demo-user', (ConvertTo-SecureString $env:MRSJOBS_TEST_PASSWORD -AsPlainText -Force))
Connect-MrsProject -Credential $credential -DomainName demo-account -Region cn-north-4 -Endpoint $Url -IamEndpoint $Url
$job = New-MrsJobExecution -ClusterId $ClusterId -JobName installed-module -JobType MapReduce -Arguments 'obs://bucket/app.jar'
[pscustomobject]@{ ModuleBase = (Get-Module MrsJobs).ModuleBase; JobId = $job.JobId; Help = (Get-Help New-MrsJobExecution).Synopsis } | ConvertTo-Json -Compress
'@ -Environment @{ MRSJOBS_TEST_PASSWORD = $seed.Password }
            $run.Error | Should -BeNullOrEmpty
            $run.ExitCode | Should -Be 0
            $result = $run.Output | ConvertFrom-Json
            $result.ModuleBase | Should -Be $install.ModuleBase
            $result.Help | Should -Not -BeNullOrEmpty
            $jobs = @(Get-EmulatorJob | Where-Object job_id -eq $result.JobId)
            $jobs | Should -HaveCount 1
            $jobs[0].job_name | Should -Be 'installed-module'
            $jobs[0].cluster_id | Should -Be $seed.FullCluster
        }

        It 'runs the ForEach-Object -Parallel example of New-MrsJobExecution''s help, each runspace importing it by name' {
            $work = Join-Path (Get-PSDrive TestDrive).Root 'parallel'
            $null = New-Item -ItemType Directory -Path $work
            $token = (New-EmulatorToken).token
            $run = Invoke-InstalledModule -ArgumentList @((Get-EmulatorUrl), $seed.ProjectId, $seed.FullCluster, $work) -Script @'
param([string] $Url, [string] $ProjectId, [string] $ClusterId, [string] $WorkPath)
$ErrorActionPreference = 'Stop'
Set-Location $WorkPath
$examples = @((Get-Help New-MrsJobExecution -Examples).examples.example | Where-Object { $_.code -match 'ForEach-Object -Parallel' -and $_.code -match 'Import-Module MrsJobs' })
if ($examples.Count -ne 1) { throw "Expected one ForEach-Object -Parallel example in the help, found $($examples.Count)." }
$code = $examples[0].code
# The CSV the example reads, with four jobs; the emulator stands in for the service.
if ($code -notmatch 'Import-Csv\s+(?<csv>\S+)') { throw 'The example reads no CSV.' }
1..4 | ForEach-Object { [pscustomobject]@{ cluster_id = $ClusterId; job_name = "parallel-$_"; job_type = 'MapReduce'; arguments = "obs://bucket/app.jar $_" } } |
    Export-Csv $Matches.csv -NoTypeInformation
$PSDefaultParameterValues['Connect-MrsProject:Endpoint'] = $Url
$PSDefaultParameterValues['Connect-MrsProject:IamEndpoint'] = $Url
$token = $env:MRSJOBS_TEST_TOKEN
$projectId = $ProjectId
$results = . ([scriptblock]::Create($code))
[pscustomobject]@{ JobIds = @($results.JobId) } | ConvertTo-Json -Compress
'@ -Environment @{ MRSJOBS_TEST_TOKEN = $token }
            $run.Error | Should -BeNullOrEmpty
            $run.ExitCode | Should -Be 0
            $result = $run.Output | ConvertFrom-Json
            @($result.JobIds) | Should -HaveCount 4
            @(Get-EmulatorJob).job_name | Sort-Object | Should -Be @('parallel-1', 'parallel-2', 'parallel-3', 'parallel-4')
        }
    }
}
