<#
.SYNOPSIS
    The README's main job: submit examples/jobs.csv to a local MRS emulator and show what happened.
.DESCRIPTION
    Started by `./build.ps1 Demo` after the build. Starts the emulator (a local stand-in for Huawei
    Cloud IAM and MRS), signs in with the emulator's demo account, pipes the CSV through
    New-MrsJobExecution, prints the submitted jobs and the refused row, and stops the emulator.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $CsvPath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1') -Force

function Write-Heading([string] $Text) { Write-Host ''; Write-Host $Text -ForegroundColor Cyan }

$emulator = Start-MrsEmulator -EmulatorPath $EmulatorPath
try {
    Write-Heading "1. Started the local MRS emulator at $($emulator.Url)"
    Write-Host '   It stands in for Huawei Cloud IAM and MRS, and enforces the documented API rules.'

    Import-Module (Join-Path $ModulePath 'MrsJobs.psd1') -Force
    Write-Heading '2. Connect-MrsProject: sign in to IAM as demo-user of account demo-account, region cn-north-4'
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'Demo-Passw0rd!' -AsPlainText -Force))
    $session = Connect-MrsProject -Credential $credential -DomainName 'demo-account' -Region 'cn-north-4' `
        -Endpoint $emulator.Url -IamEndpoint $emulator.Url -PassThru
    $session | Format-List Region, ProjectId, AuthMethod, UserName, Endpoint, ExpiresAt | Out-String | Write-Host

    $rows = @(Import-Csv $CsvPath)
    Write-Heading "3. Import-Csv $(Split-Path $CsvPath -Leaf) | New-MrsJobExecution   ($($rows.Count) rows)"
    $results = @($rows | New-MrsJobExecution -ErrorVariable refused -ErrorAction SilentlyContinue)
    $results | Format-Table JobId, State, JobType, JobName -AutoSize | Out-String | Write-Host

    Write-Heading "4. $($results.Count) jobs submitted, $($refused.Count) row(s) refused before anything was sent:"
    foreach ($record in $refused) {
        Write-Host "   [$($record.FullyQualifiedErrorId.Split(',')[0])] $record" -ForegroundColor Yellow
        if ($record.ErrorDetails -and $record.ErrorDetails.RecommendedAction) {
            Write-Host "   Hint: $($record.ErrorDetails.RecommendedAction)"
        }
    }

    $posts = @(Invoke-MrsEmulatorControl -Url $emulator.Url -Method Get -Path 'requests' | Where-Object path -like '/v2/*')
    Write-Heading "5. The emulator received $($posts.Count) job submissions (one per good row, none for the bad one). The first body:"
    Write-Host "   $($posts[0].body -replace '"fs\.obs\.(access|secret)\.key":"[^"]*"', '"fs.obs.$1.key":"…"')"
    Write-Host '   (the demo hides the OBS key values here; -Verbose/-Debug output of the module always does)'

    if ($results.Count -ne $rows.Count - $refused.Count) { throw 'Some rows were neither submitted nor reported.' }
}
finally {
    Stop-MrsEmulator $emulator
    Write-Heading '6. Stopped the emulator.'
}
