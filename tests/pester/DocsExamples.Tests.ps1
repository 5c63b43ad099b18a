#Requires -Version 7.0
# Every ```powershell example under "## EXAMPLES" of the cmdlet pages (docs/en-US) runs against the emulator with the
# module installed from the package: one fresh pwsh for all of them, a fresh runspace and a fresh emulator world for
# each (DocsExamples/). An example fails when it throws, or writes an error its transcript does not show
# ("Verb-Noun: message" lines), or does not write one it shows. A block right under "<!-- not-run: <reason> -->" is
# skipped, with its reason.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'DocsExamples/DocsExampleReader.psm1') -Force
    $docsPath = Join-Path $PSScriptRoot '../../docs/en-US'
    $found = @(Get-DocsExample -DocsPath $docsPath)
    $runnable = @($found | Where-Object { -not $_.NotRun } | ForEach-Object { @{ Id = $_.Id; Example = $_ } })
    $notRun = @($found | Where-Object NotRun | ForEach-Object { @{ Id = $_.Id; Reason = $_.NotRun } })
    $pages = @(Get-ChildItem $docsPath -Filter '*-*.md' | ForEach-Object { @{ Page = $_.BaseName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'PackageSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocsExamples/DocsExampleReader.psm1') -Force
    $docsPath = Join-Path $PSScriptRoot '../../docs/en-US'
    $found = @(Get-DocsExample -DocsPath $docsPath)
    $install = Install-TestPackage
    $temp = Join-Path (Get-SuiteTempPath) ('docs-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path (Join-Path $temp 'work'), (Join-Path $temp 'home') -Force
    $examplesPath = Join-Path $temp 'examples.json'
    $resultPath = Join-Path $temp 'results.json'
    ConvertTo-Json -InputObject @($found | Where-Object { -not $_.NotRun }) -Depth 5 | Set-Content -LiteralPath $examplesPath -Encoding utf8
    # HOME is empty: no profile file of the machine's user is read by the credential chain.
    $environment = Get-InstalledModuleEnvironment -Install $install -Extra @{ HOME = (Join-Path $temp 'home') }
    $run = Invoke-TestPwsh -ScriptPath (Join-Path $PSScriptRoot 'DocsExamples/Invoke-DocsExamples.ps1') -Environment $environment -TimeoutSec 900 -ArgumentList @(
        '-ExamplesPath', $examplesPath, '-EmulatorUrl', (Get-EmulatorUrl), '-WorkRoot', (Join-Path $temp 'work'), '-ResultPath', $resultPath)
    $results = @{}
    if (Test-Path $resultPath) { foreach ($result in @(Get-Content $resultPath -Raw | ConvertFrom-Json)) { $results[$result.Id] = $result } }
    $runnerProblem = "the runner ended with $($run.ExitCode): $($run.Error)"
}

AfterAll {
    Reset-Emulator
}

Describe 'The docs examples' {

    It 'are found on the page of <Page>' -ForEach $pages {
        @($found | Where-Object Page -EQ $Page) | Should -Not -BeNullOrEmpty -Because "docs/en-US/$Page.md has ``````powershell examples under ## EXAMPLES"
    }

    It '<Id>' -ForEach $runnable {
        $result = $results[$Id]
        $result | Should -Not -BeNullOrEmpty -Because $runnerProblem
        $result.Threw | Should -BeNullOrEmpty
        $written = @($result.Errors | ForEach-Object { "$($_.Command): $($_.Message)" })
        (@($result.Errors.Command | Sort-Object) -join ', ') | Should -Be (@($Example.ExpectedErrors | Sort-Object) -join ', ') -Because (
            "the errors written must be those the example shows; it wrote: $($written -join ' | ')")
    }

    It '<Id>' -ForEach $notRun {
        Set-ItResult -Skipped -Because "the page marks it not-run: $Reason"
    }
}
