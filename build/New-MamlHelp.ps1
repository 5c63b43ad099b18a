<#
.SYNOPSIS
    Builds the module's Get-Help files from the PlatyPS markdown in docs/<culture>.
.DESCRIPTION
    Every command page (docs/en-US/<Verb-Noun>.md) goes into one MAML file, <HelpFileName>
    (MrsJobs.dll-Help.xml: the name Get-Help looks for next to a binary module's DLL); every about
    page (about_*.md) becomes about_*.help.txt. PlatyPS itself is not needed: build/MamlHelp.psm1
    reads the PlatyPS schema 2.0.0 layout. A page that breaks the layout stops the build with the
    file and section named.
.EXAMPLE
    ./build/New-MamlHelp.ps1 -DocsPath docs/en-US -OutputPath out/MrsJobs/en-US
#>
[CmdletBinding()]
param(
    [string] $DocsPath = (Join-Path $PSScriptRoot '../docs/en-US'),
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $HelpFileName = 'MrsJobs.dll-Help.xml'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'MamlHelp.psm1') -Force

$pages = @(Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File)
$commands = @($pages | Where-Object Name -NotLike 'about_*')
$abouts = @($pages | Where-Object Name -Like 'about_*')
if ($commands.Count -eq 0) { throw "No command pages (*.md) in $DocsPath." }
if (-not (Test-Path $OutputPath)) { $null = New-Item -ItemType Directory -Path $OutputPath -Force }

ConvertTo-MamlHelp -Path $commands.FullName -OutputPath (Join-Path $OutputPath $HelpFileName)
foreach ($about in $abouts) {
    ConvertTo-AboutHelpText -Path $about.FullName -OutputPath (Join-Path $OutputPath ($about.BaseName + '.help.txt'))
}
