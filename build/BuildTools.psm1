# Helpers for build.ps1: running native tools, finding the restored tools, reading test results.
Set-StrictMode -Version 3.0

function Write-Step([string] $Text) {
    Write-Host ''
    Write-Host "==> $Text" -ForegroundColor Cyan
}

function Invoke-Native {
    <#
    Runs a native command: Invoke-Native <command> <arguments...> [-AllowFailure].
    Throws on a non-zero exit unless -AllowFailure is among the arguments, in which case it returns the exit code.
    A plain function on purpose: an advanced one would take '-o' and '-c' for its own common parameters.
    #>
    $command = $args[0]
    $allowFailure = $false
    $rest = [System.Collections.Generic.List[string]]::new()
    foreach ($argument in ($args | Select-Object -Skip 1)) {
        if ("$argument" -eq '-AllowFailure') { $allowFailure = $true } else { $rest.Add("$argument") }
    }
    & $command @rest | Out-Host
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $allowFailure) {
        throw "'$command $($rest -join ' ')' failed with exit code $code."
    }
    if ($allowFailure) { return $code }
}

function Get-PwshCommand {
    <# The pwsh to run child sessions with: this very one (a fresh process, -NoProfile). #>
    $self = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ($self -match '(^|[\\/])pwsh(\.exe)?$') { return , @($self) }
    # Running as 'dotnet pwsh': the local tool's entry assembly sits next to the host.
    $entry = [System.Reflection.Assembly]::GetEntryAssembly().Location
    if ($entry) { return , @('dotnet', $entry) }
    return , @('dotnet', 'pwsh')
}

function Get-PesterModulePath {
    <# Restores Pester from NuGet (PackageDownload) and returns the path of Pester.psd1. #>
    param([Parameter(Mandatory)] [string] $Root)
    $toolsProject = Join-Path $Root 'build/tools.csproj'
    $version = ([xml](Get-Content $toolsProject -Raw)).Project.ItemGroup.PackageDownload.Version.Trim('[', ']')
    Invoke-Native dotnet restore $toolsProject --nologo -v quiet
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $psd1 = Join-Path $packages.Trim() "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $psd1)) { throw "Pester $version was restored but $psd1 is missing." }
    return $psd1
}

function Read-TrxCounts {
    <# Sums the counters of every .trx file under Directory. #>
    param([Parameter(Mandatory)] [string] $Directory)
    $passed = 0
    $failed = 0
    if (Test-Path $Directory) {
        foreach ($file in Get-ChildItem $Directory -Filter '*.trx' -Recurse) {
            $counters = ([xml](Get-Content $file.FullName -Raw)).TestRun.ResultSummary.Counters
            $passed += [int]$counters.passed
            $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        }
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

Export-ModuleMember -Function Write-Step, Invoke-Native, Get-PwshCommand, Get-PesterModulePath, Read-TrxCounts
