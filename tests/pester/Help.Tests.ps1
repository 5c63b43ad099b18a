# Help: Get-Help shows the help built from docs/en-US, and that help cannot drift from the cmdlets' real parameters.
# Each cmdlet links online to its page, and the about page reads well in a console without naming the sources.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $cmdlets = @(Get-Command -Module MrsJobs -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $projectUri = (Import-PowerShellDataFile (Join-Path $env:MRSJOBS_TEST_MODULE 'MrsJobs.psd1')).PrivateData.PSData.ProjectUri

    function Get-ExpectedPipelineInput($Parameter) {
        $attributes = @($Parameter.ParameterSets.Values)
        $byValue = [bool]($attributes | Where-Object ValueFromPipeline)
        $byName = [bool]($attributes | Where-Object ValueFromPipelineByPropertyName)
        if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
    }

    function Get-HelpAlias($HelpParameter) {
        $text = "$($HelpParameter.aliases)"
        if (-not $text -or $text -eq 'none') { return @() }
        @($text -split '\s*,\s*' | Sort-Object)
    }
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        $realParameters = @($command.Parameters.Values | Where-Object Name -NotIn $CommonParameters)
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ })   # a cmdlet without parameters has none, not one empty one
    }

    It 'shows the synopsis from the help file, not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s+\[?-"
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least 3 examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty -Because $example.title
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because $example.title
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $helpParameters) {
            ($parameter.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'documents exactly the parameters the cmdlet has' {
        @($helpParameters.name | Sort-Object) | Should -Be @($realParameters.Name | Sort-Object)
    }

    It 'states each parameter''s mandatory flag, pipeline input, aliases and type as the code does' {
        foreach ($real in $realParameters) {
            $documented = $helpParameters | Where-Object name -EQ $real.Name
            $mandatoryEverywhere = -not ($real.ParameterSets.Values | Where-Object { -not $_.IsMandatory })
            $documented.required | Should -Be $mandatoryEverywhere.ToString().ToLowerInvariant() -Because "-$($real.Name) Required"
            $documented.pipelineInput | Should -Be (Get-ExpectedPipelineInput $real) -Because "-$($real.Name) pipeline input"
            Get-HelpAlias $documented | Should -Be @($real.Aliases | Sort-Object) -Because "-$($real.Name) aliases"
            if ($real.SwitchParameter) {
                $documented.type.name | Should -Be 'System.Management.Automation.SwitchParameter' -Because "-$($real.Name) is a switch"
            }
            else {
                $documented.parameterValue | Should -Be $real.ParameterType.Name -Because "-$($real.Name) type"
            }
        }
    }

    It 'links online to its page docs/en-US/<Name>.md of the project (HelpUri), the online version the page names' {
        $command.HelpUri | Should -Be "$projectUri/blob/main/docs/en-US/$Name.md"
        Test-Path (Join-Path $docs "$Name.md") | Should -BeTrue
        Get-Content (Join-Path $docs "$Name.md") | Where-Object { $_ -like 'online version:*' } | Should -Be "online version: $($command.HelpUri)"
    }

    It 'has one syntax item per parameter set, with that set''s parameters and mandatory flags' {
        $syntaxItems = @($help.syntax.syntaxItem)
        $syntaxItems.Count | Should -Be $command.ParameterSets.Count
        foreach ($set in $command.ParameterSets) {
            $expected = @($set.Parameters | Where-Object Name -NotIn $CommonParameters)
            $expectedNames = ($expected.Name | Sort-Object) -join ','
            $matching = @($syntaxItems | Where-Object { (@($_.parameter.name) | Sort-Object) -join ',' -eq $expectedNames })
            $matching.Count | Should -Be 1 -Because "parameter set '$($set.Name)' has $expectedNames"
            foreach ($parameter in $expected) {
                $item = $matching[0].parameter | Where-Object name -EQ $parameter.Name
                $item.required | Should -Be $parameter.IsMandatory.ToString().ToLowerInvariant() -Because "-$($parameter.Name) in set '$($set.Name)'"
            }
        }
    }
}

Describe 'Get-Help about_MrsJobs' {
    It 'shows the about topic with its sections' {
        $text = Get-Help about_MrsJobs | Out-String
        $text | Should -Match 'about_MrsJobs'
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($topic in 'SESSIONS', 'ENDPOINTS', 'THE LOCAL EMULATOR', 'THE CSV FORMAT', 'ERRORS', 'SECRETS') {
            $text | Should -Match $topic
        }
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
