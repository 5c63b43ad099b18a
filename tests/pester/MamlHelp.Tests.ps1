# The markdown to MAML converter (build/MamlHelp.psm1) on small fixtures: what it reads and the XML it writes.

Describe 'The markdown to MAML converter' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../build/MamlHelp.psm1') -Force
        $fence = '```'
        $markdown = @"
---
external help file: Widgets.dll-Help.xml
Module Name: Widgets
online version: https://example.com/Get-Widget
schema: 2.0.0
---

# Get-Widget

## SYNOPSIS
Gets widgets.

## SYNTAX

### ByName (Default)
${fence}
Get-Widget [-Name] <String[]> [-Kind <Kind>] [-Force] [<CommonParameters>]
${fence}

### ById
${fence}
Get-Widget -Id <Int32> [-Force] [<CommonParameters>]
${fence}

## DESCRIPTION
Gets the widgets that **match**,
in one paragraph.

- first item
- second [item](https://example.com/item)

${fence}
a = 1
${fence}

## EXAMPLES

### Example 1: All widgets
<!-- not-run: needs a widget factory -->
${fence}powershell
Get-Widget -Name *
${fence}

Gets every widget.

## PARAMETERS

### -Name
The names. Wildcards work.

${fence}yaml
Type: String[]
Parameter Sets: ByName
Aliases: N, WidgetName

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue, ByPropertyName)
Accept wildcard characters: True
${fence}

### -Id
The id.

${fence}yaml
Type: Int32
Parameter Sets: ById
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: True (ByPropertyName)
Accept wildcard characters: False
${fence}

### -Kind
The kind.

${fence}yaml
Type: Kind
Parameter Sets: ByName
Aliases:
Accepted values: Round, Square

Required: False
Position: Named
Default value: Round
Accept pipeline input: False
Accept wildcard characters: False
${fence}

### -Force
Also hidden ones.

${fence}yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
${fence}

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.String
A name.

## OUTPUTS

### Widget
A widget.

## NOTES
Widgets are round by default.

## RELATED LINKS

[Set-Widget](Set-Widget.md)

[Widget docs](https://example.com/docs)
"@
        $source = Join-Path $TestDrive 'Get-Widget.md'
        Set-Content -LiteralPath $source -Value $markdown -Encoding utf8
        $target = Join-Path $TestDrive 'out/Widgets.dll-Help.xml'
        $null = ConvertTo-MamlHelp -Path $source -OutputPath $target

        [xml] $xml = Get-Content -LiteralPath $target -Raw
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('msh', 'http://msh')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $command = $xml.SelectSingleNode('/msh:helpItems/command:command', $ns)
        function Select-Node([string] $XPath, $From = $command) { @($From.SelectNodes($XPath, $ns)) }
    }

    It 'writes a helpItems document with one command and its details' {
        $xml.DocumentElement.LocalName | Should -Be 'helpItems'
        $xml.DocumentElement.GetAttribute('schema') | Should -Be 'maml'
        $command | Should -Not -BeNullOrEmpty
        (Select-Node 'command:details/command:name').InnerText | Should -Be 'Get-Widget'
        (Select-Node 'command:details/command:verb').InnerText | Should -Be 'Get'
        (Select-Node 'command:details/command:noun').InnerText | Should -Be 'Widget'
        (Select-Node 'command:details/maml:description/maml:para').InnerText | Should -Be 'Gets widgets.'
    }

    It 'turns the description into paragraphs: prose joined, one per list item, code kept, inline markup removed' {
        $paras = @(Select-Node 'maml:description/maml:para' | ForEach-Object InnerText)
        $paras | Should -Be @(
            'Gets the widgets that match, in one paragraph.'
            '- first item'
            '- second item (https://example.com/item)'
            'a = 1'
        )
    }

    It 'writes one syntax item per parameter set with the parameters of that set' {
        $items = @(Select-Node 'command:syntax/command:syntaxItem')
        $items.Count | Should -Be 2
        @(Select-Node 'command:parameter/maml:name' $items[0] | ForEach-Object InnerText) | Should -Be @('Name', 'Kind', 'Force')
        @(Select-Node 'command:parameter/maml:name' $items[1] | ForEach-Object InnerText) | Should -Be @('Id', 'Force')
        $kind = @(Select-Node 'command:parameter[maml:name="Kind"]' $items[0])
        @(Select-Node 'command:parameterValueGroup/command:parameterValue' $kind[0] | ForEach-Object InnerText) | Should -Be @('Round', 'Square')
    }

    It 'writes each parameter once with its metadata' {
        $parameters = @(Select-Node 'command:parameters/command:parameter')
        @($parameters | ForEach-Object { $_.SelectSingleNode('maml:name', $ns).InnerText }) | Should -Be @('Name', 'Id', 'Kind', 'Force')
        $name = $parameters[0]
        $name.GetAttribute('required') | Should -Be 'true'
        $name.GetAttribute('position') | Should -Be '0'
        $name.GetAttribute('globbing') | Should -Be 'true'
        $name.GetAttribute('pipelineInput') | Should -Be 'True (ByValue, ByPropertyName)'
        $name.GetAttribute('aliases') | Should -Be 'N, WidgetName'
        $name.SelectSingleNode('command:parameterValue', $ns).InnerText | Should -Be 'String[]'
        $name.SelectSingleNode('dev:type/maml:name', $ns).InnerText | Should -Be 'System.String[]'
        $name.SelectSingleNode('maml:description/maml:para', $ns).InnerText | Should -Be 'The names. Wildcards work.'
        $parameters[1].GetAttribute('aliases') | Should -Be 'none'
        $parameters[2].SelectSingleNode('dev:defaultValue', $ns).InnerText | Should -Be 'Round'
        $force = $parameters[3]
        $force.SelectSingleNode('command:parameterValue', $ns) | Should -BeNullOrEmpty -Because 'a switch takes no value'
        $force.SelectSingleNode('dev:type/maml:name', $ns).InnerText | Should -Be 'System.Management.Automation.SwitchParameter'
    }

    It 'writes inputs, outputs, notes, examples and related links' {
        (Select-Node 'command:inputTypes/command:inputType/dev:type/maml:name').InnerText | Should -Be 'System.String'
        (Select-Node 'command:returnValues/command:returnValue/dev:type/maml:name').InnerText | Should -Be 'Widget'
        (Select-Node 'command:returnValues/command:returnValue/maml:description/maml:para').InnerText | Should -Be 'A widget.'
        (Select-Node 'maml:alertSet/maml:alert/maml:para').InnerText | Should -Be 'Widgets are round by default.'
        $example = @(Select-Node 'command:examples/command:example')
        $example.Count | Should -Be 1
        $example[0].SelectSingleNode('maml:title', $ns).InnerText | Should -Match 'Example 1: All widgets'
        $example[0].SelectSingleNode('dev:code', $ns).InnerText | Should -Be 'Get-Widget -Name *'
        $example[0].SelectSingleNode('dev:remarks/maml:para', $ns).InnerText | Should -Be 'Gets every widget.'
        $xml.OuterXml | Should -Not -Match 'not-run' -Because 'an HTML comment of the page is not help text'
        $links = @(Select-Node 'command:relatedLinks/maml:navigationLink')
        @($links | ForEach-Object { $_.SelectSingleNode('maml:linkText', $ns).InnerText }) | Should -Be @('Online Version:', 'Set-Widget', 'Widget docs')
        @($links | ForEach-Object { $_.SelectSingleNode('maml:uri', $ns).InnerText }) | Should -Be @('https://example.com/Get-Widget', '', 'https://example.com/docs')
    }

    It 'refuses a page whose syntax names an undocumented parameter, naming the file' {
        $broken = Join-Path $TestDrive 'Get-Broken.md'
        Set-Content -LiteralPath $broken -Encoding utf8 -Value ($markdown -replace '# Get-Widget', '# Get-Broken' -replace '\[-Kind <Kind>\]', '[-Kind <Kind>] [-Colour <String>]')
        { ConvertFrom-CommandMarkdown -Path $broken } | Should -Throw '*Get-Broken.md*-Colour*'
    }

    It 'converts an about topic to wrapped text' {
        $about = Join-Path $TestDrive 'about_Widgets.md'
        Set-Content -LiteralPath $about -Encoding utf8 -Value @"
# Widgets

## about_Widgets

# SHORT DESCRIPTION
Widgets, briefly.

# LONG DESCRIPTION
$('word ' * 60)

## Colours
- red
- blue
"@
        $text = ConvertTo-AboutHelpText -Path $about
        $lines = $text -split '\r?\n'
        $lines[0..1] | Should -Be @('TOPIC', '    about_Widgets')
        $lines | Should -Contain 'SHORT DESCRIPTION'
        $lines | Should -Contain '    Widgets, briefly.'
        $lines | Should -Contain '    COLOURS'
        $lines | Should -Contain '        - red'
        ($lines | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
    }
}
