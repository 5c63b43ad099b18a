<#
.SYNOPSIS
    Builds, tests and demonstrates the MrsJobs module.
.DESCRIPTION
    Tasks:
      Build     Builds the importable module into out/MrsJobs (and the emulator into out/emulator).
      Package   Build, then out/package/MrsJobs.<version>.nupkg with PSResourceGet (Publish-PSResource).
      Test      Build and Package, then xunit and Pester (in a fresh pwsh against out/MrsJobs and the .nupkg);
                ends with "N passed, N failed".
      Demo      Build, start the local emulator, submit examples/jobs.csv through New-MrsJobExecution, stop.
      Emulator  Build the emulator and run it in the foreground (Ctrl+C stops it).
      Bench     Build, then run bench/Submit-Bench.ps1 (writes bench/results.md) and bench/Wait-Bench.ps1 against the emulator;
                -BenchSize Quick (default, a few minutes) or Full.
    Everything it needs comes from NuGet (PowerShell as a local .NET tool, Pester as a PackageDownload).
    The version is written once, as ModuleVersion in MrsJobs.psd1: Directory.Build.props reads it for every
    assembly, and the package is named after it. The packaged manifest's ReleaseNotes are that version's section
    of CHANGELOG.md (or its [Unreleased] section while the version has none).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Emulator', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Bench only: Quick (default, a few minutes) or Full (bigger counts, numbers to quote).
    [ValidateSet('Quick', 'Full')]
    [string] $BenchSize = 'Quick'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'MrsJobs'
$emulatorOut = Join-Path $out 'emulator'
$packageOut = Join-Path $out 'package'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

Import-Module (Join-Path $root 'build/BuildTools.psm1') -Force
Import-Module (Join-Path $root 'build/ModulePackage.psm1') -Force

function Invoke-Build {
    Write-Step 'Building the module and the emulator'
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    Invoke-Native dotnet publish (Join-Path $root 'src/MrsJobs/MrsJobs.csproj') -c $Configuration -o $moduleOut --nologo -v quiet
    Invoke-Native dotnet publish (Join-Path $root 'src/MrsJobs.Emulator/MrsJobs.Emulator.csproj') -c $Configuration -o $emulatorOut --nologo -v quiet
    # The module folder holds the manifest, the DLLs, the format file, help and the licence; no build leftovers.
    Get-ChildItem $moduleOut -Include '*.deps.json', '*.pdb', 'MrsJobs*.xml' -Recurse | Where-Object Name -notlike '*-Help.xml' | Remove-Item -Force
    Copy-Item (Join-Path $root 'MrsJobs.psd1'), (Join-Path $root 'LICENSE') $moduleOut
    $manifest = Join-Path $moduleOut 'MrsJobs.psd1'
    Set-ManifestReleaseNotes -ManifestPath $manifest -Text (Get-ChangelogSection -Path (Join-Path $root 'CHANGELOG.md') -Version (Get-ModuleVersion $manifest))
    $null = & (Join-Path $root 'build/New-MamlHelp.ps1') -DocsPath (Join-Path $root 'docs/en-US') -OutputPath (Join-Path $moduleOut 'en-US')
    Write-Host "Module: $moduleOut"
}

function Invoke-Package {
    <# Packs out/MrsJobs as built (no build of its own): out/package/MrsJobs.<version>.nupkg. Returns the file. #>
    Write-Step 'Packaging the module (PSResourceGet)'
    if (Test-Path $packageOut) { Remove-Item $packageOut -Recurse -Force }
    $package = Publish-ModulePackage -ModulePath $moduleOut -OutputDirectory $packageOut
    Write-Host "Package: $($package.FullName)"
    $package
}

function Invoke-Test {
    try {
        Invoke-Build
        $package = Invoke-Package
    }
    catch {
        Write-Host "Build failed: $_" -ForegroundColor Red
        Write-Output '0 passed, 1 failed'
        exit 1
    }
    $testResults = Join-Path $out 'TestResults'
    if (Test-Path $testResults) { Remove-Item $testResults -Recurse -Force }

    Write-Step 'xunit'
    $xunitExit = Invoke-Native dotnet test (Join-Path $root 'MrsJobs.sln') -c $Configuration --nologo `
        --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $testResults -AllowFailure
    $xunit = Read-TrxCounts -Directory $testResults
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }   # a build or host failure counts as a failure

    Write-Step 'Pester (fresh pwsh, built module)'
    $pesterModule = Get-PesterModulePath -Root $root
    $pesterJson = Join-Path $testResults 'pester.json'
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1') `
        -PesterModule $pesterModule -ModulePath $moduleOut -EmulatorPath (Join-Path $emulatorOut 'MrsJobs.Emulator.dll') -ResultPath $pesterJson `
        -PackagePath $package.FullName
    $pester = if (Test-Path $pesterJson) { Get-Content $pesterJson -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host ''
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'examples/Demo.ps1') `
        -ModulePath $moduleOut -EmulatorPath (Join-Path $emulatorOut 'MrsJobs.Emulator.dll') -CsvPath (Join-Path $root 'examples/jobs.csv')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Emulator {
    Invoke-Native dotnet publish (Join-Path $root 'src/MrsJobs.Emulator/MrsJobs.Emulator.csproj') -c $Configuration -o $emulatorOut --nologo -v quiet
    Write-Step 'Emulator (Ctrl+C stops it)'
    & dotnet (Join-Path $emulatorOut 'MrsJobs.Emulator.dll') --no-stdin-watch
}

function Invoke-Bench {
    Invoke-Build
    $pwsh = Get-PwshCommand
    # The exact command, for bench/results.md: this script's own line when typed in a session, else the process command line.
    $command = $script:MyInvocation.Line
    if (-not $command) {
        $arguments = [Environment]::GetCommandLineArgs()
        $hostName = if ($arguments[0] -like '*.dll') { 'dotnet pwsh' } else { 'pwsh' }
        $command = (@($hostName) + ($arguments | Select-Object -Skip 1)) -join ' '
    }
    $moduleArguments = @('-ModulePath', $moduleOut, '-EmulatorPath', (Join-Path $emulatorOut 'MrsJobs.Emulator.dll'))
    $benches = [ordered]@{
        'Submit-Bench.ps1' = @('-BenchSize', $BenchSize, '-Command', $command)
        'Wait-Bench.ps1'   = @('-BenchSize', $BenchSize)
    }
    foreach ($bench in $benches.Keys) {
        Write-Step "bench/$bench ($BenchSize)"
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root "bench/$bench") @moduleArguments @($benches[$bench])
        if ($LASTEXITCODE -ne 0) { throw "bench/$bench failed with exit code $LASTEXITCODE." }
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Package' { Invoke-Build; $null = Invoke-Package }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Emulator' { Invoke-Emulator }
    'Bench' { Invoke-Bench }
}
