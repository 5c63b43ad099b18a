<#
.SYNOPSIS
    Runs every Pester test file against the built module and one emulator, and writes the counts as JSON.
    build.ps1 starts it in a fresh pwsh (-NoProfile), so nothing from the caller's session leaks in.
#>
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Test files to run (all by default); for a quick run of one file while working on it.
    [string[]] $TestPath = @($PSScriptRoot),
    # The module's .nupkg (build.ps1 Test passes out/package/MrsJobs.<version>.nupkg); without it, the package tests
    # publish the built module themselves.
    [string] $PackagePath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterModule -Force
Import-Module (Join-Path $PSScriptRoot '../../build/EmulatorProcess.psm1') -Force

$emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
try {
    $env:MRSJOBS_TEST_MODULE = (Resolve-Path $ModulePath).Path
    $env:MRSJOBS_TEST_EMULATOR = $emulator.Url
    $env:MRSJOBS_TEST_EMULATOR_PATH = (Resolve-Path $EmulatorPath).Path
    if ($PackagePath) { $env:MRSJOBS_TEST_PACKAGE = (Resolve-Path $PackagePath).Path }
    # The package tests' temporary folders (one install of the package, shared by their files) go here.
    $env:MRSJOBS_TEST_TEMP = Join-Path ([System.IO.Path]::GetTempPath()) ('mrsjobs-suite-' + [guid]::NewGuid().ToString('N'))
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $TestPath
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($ResultPath, '.xml')
    # The tests run with PowerShell's default error preference, as users' scripts do.
    $ErrorActionPreference = 'Continue'
    $result = Invoke-Pester -Configuration $configuration
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
        ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8
}
finally {
    Stop-MrsEmulator $emulator
    if ($env:MRSJOBS_TEST_TEMP -and (Test-Path $env:MRSJOBS_TEST_TEMP)) { Remove-Item $env:MRSJOBS_TEST_TEMP -Recurse -Force -ErrorAction SilentlyContinue }
}
