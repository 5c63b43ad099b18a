# Helpers for build.ps1 (and the package tests): the module's version, its release notes from CHANGELOG.md, and the
# .nupkg made with PSResourceGet through a temporary local folder repository.
Set-StrictMode -Version 3.0

function Get-ModuleVersion {
    <# The version of the module: ModuleVersion of the manifest, the one place it is written. #>
    param([Parameter(Mandatory)] [string] $ManifestPath)
    [version] (Import-PowerShellDataFile -LiteralPath $ManifestPath).ModuleVersion
}

function Get-ChangelogSection {
    <#
    The text of one version's section of a Keep-a-Changelog file: the section headed "## [<Version>]", else the
    "## [Unreleased]" section (the changes made since the last release, which this version ships), without the heading.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [version] $Version)
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    foreach ($title in @("[$Version]", '[Unreleased]')) {
        $start = -1
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i].StartsWith("## $title", [StringComparison]::Ordinal)) { $start = $i; break }
        }
        if ($start -lt 0) { continue }
        $end = $start + 1
        while ($end -lt $lines.Count -and $lines[$end] -notmatch '^## ') { $end++ }
        $text = ($lines[($start + 1)..($end - 1)] -join "`n").Trim()
        if ($text) { return $text }
    }
    throw "$Path has no non-empty section '## [$Version]' or '## [Unreleased]' for the release notes."
}

function Set-ManifestReleaseNotes {
    <# Replaces the ReleaseNotes value of a manifest file (a single-quoted string) with the text given. #>
    param([Parameter(Mandatory)] [string] $ManifestPath, [Parameter(Mandatory)] [string] $Text)
    $manifest = Get-Content -LiteralPath $ManifestPath -Raw -Encoding utf8
    $pattern = "(?m)^(?<head>\s*ReleaseNotes\s*=\s*)'(?:[^']|'')*'"
    if ($manifest -notmatch $pattern) { throw "$ManifestPath has no ReleaseNotes = '...' line to fill in." }
    $quoted = "'" + ($Text -replace "'", "''") + "'"
    $manifest = [regex]::Replace($manifest, $pattern, { param($m) $m.Groups['head'].Value + $quoted }, 'None')
    # With a BOM: Windows PowerShell 5.1 reads a manifest without one in the ANSI code page.
    Set-Content -LiteralPath $ManifestPath -Value $manifest -Encoding utf8BOM -NoNewline
}

function Publish-ModulePackage {
    <#
    Publishes the module folder with Publish-PSResource into a temporary local folder repository, registered for the
    call only, and moves the .nupkg it made to OutputDirectory. Returns the .nupkg file.
    #>
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $OutputDirectory)
    Import-Module Microsoft.PowerShell.PSResourceGet -MinimumVersion 1.0 -ErrorAction Stop
    $name = 'MrsJobsBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $feed = Join-Path ([System.IO.Path]::GetTempPath()) $name
    $null = New-Item -ItemType Directory -Path $feed
    try {
        Register-PSResourceRepository -Name $name -Uri $feed -Trusted
        try {
            Publish-PSResource -Path $ModulePath -Repository $name -ErrorAction Stop
        }
        finally {
            Unregister-PSResourceRepository -Name $name
        }
        $package = @(Get-ChildItem -LiteralPath $feed -Filter '*.nupkg')
        if ($package.Count -ne 1) { throw "Publish-PSResource left $($package.Count) .nupkg files in $feed, not one." }
        if (-not (Test-Path $OutputDirectory)) { $null = New-Item -ItemType Directory -Path $OutputDirectory -Force }
        $target = Join-Path $OutputDirectory $package[0].Name
        Move-Item -LiteralPath $package[0].FullName -Destination $target -Force
        Get-Item -LiteralPath $target
    }
    finally {
        Remove-Item -LiteralPath $feed -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-ModuleVersion, Get-ChangelogSection, Set-ManifestReleaseNotes, Publish-ModulePackage
