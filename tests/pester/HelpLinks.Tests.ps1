#Requires -Version 7.0
# Online help: every cmdlet's HelpUri is its page under docs/en-US on the project site, and the about page reads
# well in a console (wrapped at 80 columns) without sending users to the repository's sources.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $cmdlets = @(Get-Command -Module MrsJobs -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $projectUri = (Import-PowerShellDataFile (Join-Path $env:MRSJOBS_TEST_MODULE 'MrsJobs.psd1')).PrivateData.PSData.ProjectUri
}

Describe 'The online help of <Name>' -ForEach $cmdlets {

    It 'is the page docs/en-US/<Name>.md of the project, which exists' {
        $command = Get-Command $Name
        $command.HelpUri | Should -Be "$projectUri/blob/main/docs/en-US/$Name.md"
        Test-Path (Join-Path $docs "$Name.md") | Should -BeTrue
    }

    It 'is also the online version the help page names' {
        $page = Get-Content (Join-Path $docs "$Name.md")
        $page | Where-Object { $_ -like 'online version:*' } | Should -Be "online version: $((Get-Command $Name).HelpUri)"
    }
}

Describe 'about_MrsJobs.md' {

    It 'has no line over 80 characters and names no source file of the repository' -Tag AboutWrap {
        $lines = @(Get-Content (Join-Path $docs 'about_MrsJobs.md') -Encoding utf8)
        $long = for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i].Length -gt 80) { "line $($i + 1) ($($lines[$i].Length) characters)" }
        }
        $sources = for ($i = 0; $i -lt $lines.Count; $i++) {
            foreach ($match in [regex]::Matches($lines[$i], '\b(?:src|tests|build)/[\w./-]*|[\w./-]+\.(?:cs|csproj|psm1)\b')) {
                "line $($i + 1): $($match.Value)"
            }
        }
        (@($long) -join ', ') | Should -BeNullOrEmpty -Because 'Get-Help shows about topics as they are written'
        (@($sources) -join ', ') | Should -BeNullOrEmpty -Because 'users of the installed module have no repository'
    }
}
