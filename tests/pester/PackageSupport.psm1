# Shared by the package and docs-example tests: the module's .nupkg, installed once per suite run with
# Install-PSResource into a clean temporary folder, and fresh pwsh processes that import it by name.
Set-StrictMode -Version 3.0
# No -Force: a forced re-import would unload the copy the test files use (Start-TestProcess comes from it).
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

function Get-SuiteTempPath {
    <# A folder for this suite run (Invoke-PesterSuite.ps1 removes MRSJOBS_TEST_TEMP at the end). #>
    if (-not $env:MRSJOBS_TEST_TEMP) {
        $env:MRSJOBS_TEST_TEMP = Join-Path ([System.IO.Path]::GetTempPath()) ('mrsjobs-suite-' + [guid]::NewGuid().ToString('N'))
    }
    if (-not (Test-Path $env:MRSJOBS_TEST_TEMP)) { $null = New-Item -ItemType Directory -Path $env:MRSJOBS_TEST_TEMP -Force }
    $env:MRSJOBS_TEST_TEMP
}

function Get-TestPackage {
    <#
    The module's .nupkg: the one build.ps1 Test made (MRSJOBS_TEST_PACKAGE), else one published now from the built
    module (MRSJOBS_TEST_MODULE) the way build.ps1 Package does it.
    #>
    if ($env:MRSJOBS_TEST_PACKAGE -and (Test-Path $env:MRSJOBS_TEST_PACKAGE)) { return Get-Item $env:MRSJOBS_TEST_PACKAGE }
    if (-not $env:MRSJOBS_TEST_MODULE) { throw 'MRSJOBS_TEST_MODULE is not set: run the tests through ./build.ps1 Test.' }
    Import-Module (Join-Path $PSScriptRoot '../../build/ModulePackage.psm1') -Force
    $package = Publish-ModulePackage -ModulePath $env:MRSJOBS_TEST_MODULE -OutputDirectory (Join-Path (Get-SuiteTempPath) 'package')
    $env:MRSJOBS_TEST_PACKAGE = $package.FullName
    $package
}

function Invoke-TestPwsh {
    <#
    Runs a script file in a fresh pwsh process with extra environment variables; returns ExitCode, Output and Error
    (the text of both streams). Throws when it runs longer than TimeoutSec.
    #>
    param(
        [Parameter(Mandatory)] [string] $ScriptPath,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 300
    )
    $started = Start-TestProcess -ScriptPath $ScriptPath -ArgumentList $ArgumentList -Environment $Environment
    if (-not $started.Process.WaitForExit($TimeoutSec * 1000)) {
        try { $started.Process.Kill($true) } catch { }
        throw "$ScriptPath did not end within $TimeoutSec s."
    }
    $started.Process.WaitForExit()
    [pscustomobject]@{ ExitCode = $started.Process.ExitCode; Output = $started.StandardOutput.Result; Error = $started.StandardError.Result }
}

function Install-TestPackage {
    <#
    Installs the package once per suite run and returns Root (a clean temporary folder), ModulesPath (the folder to put
    on PSModulePath) and ModuleBase (where MrsJobs landed). Install-PSResource has no -Path: it runs in a pwsh whose
    HOME is Root/home, so that its CurrentUser scope (~/.local/share/powershell/Modules) and its repository list are
    both inside Root, from a local folder repository holding only this package, registered untrusted and installed
    from with -TrustRepository. On Windows (the CurrentUser folder is Documents, not under HOME) Save-PSResource
    saves the package into Root/Modules instead.
    #>
    if ($env:MRSJOBS_TEST_INSTALL) { return $env:MRSJOBS_TEST_INSTALL | ConvertFrom-Json }
    $package = Get-TestPackage
    $root = Join-Path (Get-SuiteTempPath) ('install-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $feed = Join-Path $root 'feed'
    $null = New-Item -ItemType Directory -Path $feed, (Join-Path $root 'home') -Force
    Copy-Item -LiteralPath $package.FullName -Destination $feed
    $script = Join-Path $root 'install.ps1'
    Set-Content -LiteralPath $script -Encoding utf8 -Value @'
param([string] $Feed, [string] $SavePath)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name MrsJobsTestFeed -Uri $Feed
if ($SavePath) {
    $null = New-Item -ItemType Directory -Path $SavePath -Force
    Save-PSResource -Name MrsJobs -Repository MrsJobsTestFeed -TrustRepository -Path $SavePath -Quiet
    (Get-Item (Join-Path $SavePath 'MrsJobs/*')).FullName
}
else {
    Install-PSResource -Name MrsJobs -Repository MrsJobsTestFeed -TrustRepository -Scope CurrentUser -Quiet
    (Get-InstalledPSResource -Name MrsJobs -Scope CurrentUser).InstalledLocation
}
'@
    $savePath = if ($IsWindows) { Join-Path $root 'Modules' } else { $null }
    $arguments = @('-Feed', $feed) + $(if ($savePath) { @('-SavePath', $savePath) } else { @() })
    $environment = @{ HOME = (Join-Path $root 'home'); XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null }
    $run = Invoke-TestPwsh -ScriptPath $script -ArgumentList $arguments -Environment $environment
    if ($run.ExitCode -ne 0) { throw "Installing $($package.Name) failed ($($run.ExitCode)): $($run.Error) $($run.Output)" }
    $location = @($run.Output -split "`r?`n" | Where-Object { $_.Trim() })[-1].Trim()
    $modulesPath = if ($IsWindows) { $savePath } else { $location }
    $install = [pscustomobject]@{
        Root        = $root
        ModulesPath = $modulesPath
        ModuleBase  = @(Get-ChildItem -LiteralPath (Join-Path $modulesPath 'MrsJobs') -Directory)[0].FullName
        Package     = $package.FullName
    }
    $env:MRSJOBS_TEST_INSTALL = $install | ConvertTo-Json -Compress
    $install
}

function Get-InstalledModuleEnvironment {
    <# The environment of a fresh pwsh that sees the installed module: its folder put first on PSModulePath. #>
    param([Parameter(Mandatory)] $Install, [hashtable] $Extra = @{})
    $environment = @{ PSModulePath = $Install.ModulesPath + [System.IO.Path]::PathSeparator + $env:PSModulePath }
    foreach ($name in $Extra.Keys) { $environment[$name] = $Extra[$name] }
    $environment
}

Export-ModuleMember -Function Get-SuiteTempPath, Get-TestPackage, Invoke-TestPwsh, Install-TestPackage, Get-InstalledModuleEnvironment
