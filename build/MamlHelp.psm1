# Converts PlatyPS-style markdown help into what Get-Help reads: MAML (<Module>.dll-Help.xml) for
# cmdlets and about_*.help.txt for about topics. No external packages: a small markdown reader of our
# own that knows the PlatyPS schema 2.0.0 layout (and nothing more exotic than it needs).
Set-StrictMode -Version 3.0

$script:Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

#region Markdown reading

function Read-MarkdownDocument {
    <#
    .SYNOPSIS
        Splits a markdown file into front matter and a flat list of headings with the lines under each.
        Fenced code blocks are respected: a '#' line inside a fence is not a heading.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path)

    $text = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $Path).ProviderPath)
    $lines = $text -replace "`r`n", "`n" -replace "`r", "`n" -split "`n"
    $metadata = [ordered]@{}
    $start = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $end = -1
        for ($i = 1; $i -lt $lines.Count; $i++) { if ($lines[$i].Trim() -eq '---') { $end = $i; break } }
        if ($end -lt 0) { throw "${Path}: the front matter that starts on line 1 is not closed by '---'." }
        for ($i = 1; $i -lt $end; $i++) {
            if ($lines[$i] -match '^\s*([^:#][^:]*?)\s*:\s*(.*?)\s*$') { $metadata[$Matches[1]] = $Matches[2].Trim("'", '"') }
        }
        $start = $end + 1
    }

    $sections = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Level = 0; Title = ''; Line = 0; Lines = [System.Collections.Generic.List[string]]::new() }
    $sections.Add($current)
    $fence = $null
    for ($i = $start; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($null -ne $fence) {
            if ($line -match '^\s*(`{3,}|~{3,})\s*$' -and $Matches[1].StartsWith($fence)) { $fence = $null }
            $current.Lines.Add($line)
            continue
        }
        if ($line -match '^\s*(`{3,}|~{3,})') {
            $fence = $Matches[1]
            $current.Lines.Add($line)
            continue
        }
        if ($line -match '^(#{1,6})\s+(.*?)\s*#*\s*$') {
            $current = [pscustomobject]@{ Level = $Matches[1].Length; Title = $Matches[2]; Line = $i + 1; Lines = [System.Collections.Generic.List[string]]::new() }
            $sections.Add($current)
            continue
        }
        $current.Lines.Add($line)
    }
    if ($null -ne $fence) { throw "${Path}: a code fence ($fence) is never closed." }

    [pscustomobject]@{ Path = $Path; Metadata = $metadata; Sections = $sections }
}

function Split-MarkdownBlock {
    <#
    .SYNOPSIS
        Splits section lines into blocks: Code (with its info string), Paragraph, List item, Table, Heading.
    #>
    param([AllowEmptyCollection()] [string[]] $Lines)

    $blocks = [System.Collections.Generic.List[object]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $kind = $null
    $info = ''
    $flush = {
        if ($null -ne $kind -and ($buffer.Count -gt 0 -or $kind -eq 'Code')) {
            $blocks.Add([pscustomobject]@{ Kind = $kind; Info = $info; Lines = [string[]]$buffer.ToArray() })
        }
        $buffer.Clear()
        $kind = $null   # dot-sourced: these are Split-MarkdownBlock's own variables
        $info = ''
    }
    $fence = $null
    foreach ($line in $Lines) {
        if ($null -ne $fence) {
            if ($line -match '^\s*(`{3,}|~{3,})\s*$' -and $Matches[1].StartsWith($fence)) { $fence = $null; . $flush; continue }
            $buffer.Add($line)
            continue
        }
        if ($line -match '^\s*(`{3,}|~{3,})\s*([^`\s]*)') {
            . $flush
            $fence = $Matches[1]; $kind = 'Code'; $info = $Matches[2]
            continue
        }
        if ($line.Trim().Length -eq 0) { . $flush; continue }
        if ($line -match '^(#{1,6})\s+(.*?)\s*#*\s*$') {
            . $flush
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Info = "$($Matches[1].Length)"; Lines = [string[]]@($Matches[2]) })
            continue
        }
        if ($line -match '^\s*\|') {
            if ($kind -ne 'Table') { . $flush; $kind = 'Table' }
            $buffer.Add($line.Trim())
            continue
        }
        if ($line -match '^(\s*)([-*+]|\d+[.)])\s+(.*)$') {
            . $flush
            $kind = 'List'; $info = $Matches[2]
            $buffer.Add($Matches[3].Trim())
            continue
        }
        if ($kind -eq 'Table') { . $flush }
        if ($null -eq $kind) { $kind = 'Paragraph' }
        $buffer.Add($line.Trim())
    }
    if ($null -ne $fence) { throw "A code fence ($fence) is never closed." }
    . $flush
    $blocks.ToArray()
}

function ConvertFrom-MarkdownInline {
    <# Plain text for the console: links become 'text (url)', emphasis markers and escapes go; backticks stay. #>
    param([AllowEmptyString()] [string] $Text)
    $t = $Text
    $t = [regex]::Replace($t, '\[([^\]]+)\]\(([^)\s]+)\)', { param($m) if ($m.Groups[1].Value -eq $m.Groups[2].Value) { $m.Groups[1].Value } else { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } })
    $t = [regex]::Replace($t, '<(https?://[^>\s]+)>', '$1')
    # Bold/italic outside code spans only.
    $parts = $t -split '(``.+?``|`[^`]*`)'
    $parts = foreach ($part in $parts) {
        if ($part.StartsWith('`')) { $part; continue }
        $p = [regex]::Replace($part, '(\*\*|__)(.+?)\1', '$2')
        $p = [regex]::Replace($p, '(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])', '$1')
        $p = [regex]::Replace($p, '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1')
        $p
    }
    -join $parts
}

function Format-MarkdownTable {
    <# A markdown table as aligned plain-text rows (the |---| line dropped). #>
    param([string[]] $Lines)
    $rows = foreach ($line in $Lines) {
        if ($line -match '^\|?\s*:?-{2,}') { continue }
        $cells = ($line.Trim().Trim('|')) -split '(?<!\\)\|' | ForEach-Object { ConvertFrom-MarkdownInline $_.Trim() }
        , [string[]]$cells
    }
    $rows = @($rows)
    if ($rows.Count -eq 0) { return @() }
    $columns = ($rows | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = for ($c = 0; $c -lt $columns; $c++) { ($rows | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum }
    foreach ($row in $rows) {
        $padded = for ($c = 0; $c -lt $columns; $c++) { $cell = if ($c -lt $row.Count) { $row[$c] } else { '' }; $cell.PadRight($widths[$c]) }
        ($padded -join '  ').TrimEnd()
    }
}

function ConvertTo-HelpParagraph {
    <#
    .SYNOPSIS
        Markdown lines → the paragraphs of a maml:description: prose joined into one line per paragraph,
        one paragraph per list item, code and tables kept line by line.
    #>
    param([AllowEmptyCollection()] [string[]] $Lines)
    foreach ($block in (Split-MarkdownBlock $Lines)) { ConvertFrom-MarkdownBlock $block }
}

function ConvertFrom-MarkdownBlock {
    param($block)
    switch ($block.Kind) {
            'Code' { ($block.Lines -join "`n").TrimEnd() }
            'Table' { (Format-MarkdownTable $block.Lines) -join "`n" }
            'List' { $bullet = if ($block.Info -match '^\d') { $block.Info } else { '-' }; "$bullet " + (ConvertFrom-MarkdownInline ($block.Lines -join ' ')) }
            'Heading' { (ConvertFrom-MarkdownInline $block.Lines[0]).ToUpperInvariant() }
            default { ConvertFrom-MarkdownInline ($block.Lines -join ' ') }
    }
}

#endregion

#region Command markdown → model

function Get-SectionRange {
    # The sections after $Index that are deeper than it (its children), up to the next of its level or higher.
    param($Sections, [int] $Index)
    $level = $Sections[$Index].Level
    $children = [System.Collections.Generic.List[object]]::new()
    for ($i = $Index + 1; $i -lt $Sections.Count -and $Sections[$i].Level -gt $level; $i++) { $children.Add($Sections[$i]) }
    , $children.ToArray()
}

function Get-SectionText {
    # A section's own lines plus its children rendered back as markdown (for free-text sections).
    param($Sections, [int] $Index)
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($l in $Sections[$Index].Lines) { $lines.Add($l) }
    foreach ($child in (Get-SectionRange $Sections $Index)) {
        $lines.Add(''); $lines.Add(('#' * $child.Level) + ' ' + $child.Title)
        foreach ($l in $child.Lines) { $lines.Add($l) }
    }
    , $lines.ToArray()
}

function ConvertFrom-ParameterYaml {
    param([string[]] $Lines, [string] $Where)
    $map = @{}
    foreach ($line in $Lines) {
        if ($line.Trim().Length -eq 0) { continue }
        if ($line -notmatch '^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*?)\s*$') { throw "${Where}: cannot read the metadata line '$line' (expected 'Key: value')." }
        $map[$Matches[1].ToLowerInvariant()] = $Matches[2]
    }
    foreach ($key in 'type', 'parameter sets', 'required', 'position', 'accept pipeline input') {
        if (-not $map.ContainsKey($key)) { throw "${Where}: the metadata block has no '$key' line." }
    }
    $list = { param($v) if ([string]::IsNullOrWhiteSpace($v) -or $v -eq 'None') { , [string[]]@() } else { , [string[]]@($v -split '\s*,\s*' | Where-Object { $_ }) } }
    $bool = { param($k, $v) switch -Regex ($v) { '^(?i)true' { $true } '^(?i)false' { $false } default { throw "${Where}: '$k' must be True or False, not '$v'." } } }
    $pipeline = $map['accept pipeline input']
    [pscustomobject]@{
        Type           = $map['type']
        ParameterSets  = & $list $map['parameter sets']
        Aliases        = & $list $map['aliases']
        AcceptedValues = & $list $map['accepted values']
        Required       = & $bool 'Required' $map['required']
        Position       = $map['position']
        DefaultValue   = if ($map.ContainsKey('default value')) { $map['default value'] } else { 'None' }
        PipelineInput  = $pipeline
        ByValue        = $pipeline -match '(?i)^true.*ByValue'
        ByPropertyName = $pipeline -match '(?i)^true.*ByPropertyName'
        Globbing       = if ($map.ContainsKey('accept wildcard characters')) { & $bool 'Accept wildcard characters' $map['accept wildcard characters'] } else { $false }
    }
}

function ConvertFrom-CommandMarkdown {
    <#
    .SYNOPSIS
        Reads one PlatyPS command markdown file into a help model (name, synopsis, syntax, parameters, …).
        Throws, naming the file and the section, when a required part is missing or malformed.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipelineByPropertyName)] [Alias('FullName')] [string] $Path)
    process {
        $doc = Read-MarkdownDocument -Path $Path
        $sections = $doc.Sections
        $top = @($sections | Where-Object Level -EQ 1)
        if ($top.Count -ne 1) { throw "${Path}: expected exactly one '# <Command name>' heading, found $($top.Count)." }
        $name = $top[0].Title.Trim()
        if ($name -notmatch '^([A-Za-z]+)-(\w+)$') { throw "${Path}: '$name' is not a Verb-Noun command name." }
        $model = [ordered]@{
            Path = $Path; Name = $name; Verb = $Matches[1]; Noun = $Matches[2]; Metadata = $doc.Metadata
            Synopsis = @(); Description = @(); Syntax = @(); Examples = @(); Parameters = @(); Inputs = @(); Outputs = @(); Notes = @(); Links = @()
        }

        $found = @{}
        for ($i = 0; $i -lt $sections.Count; $i++) {
            $section = $sections[$i]
            if ($section.Level -ne 2) { continue }
            $title = $section.Title.Trim().ToUpperInvariant()
            $found[$title] = $true
            $children = Get-SectionRange $sections $i
            $where = "${Path}: ## $($section.Title)"
            switch ($title) {
                'SYNOPSIS' { $model.Synopsis = @(ConvertTo-HelpParagraph (Get-SectionText $sections $i)) }
                'DESCRIPTION' { $model.Description = @(ConvertTo-HelpParagraph (Get-SectionText $sections $i)) }
                'NOTES' { $model.Notes = @(ConvertTo-HelpParagraph (Get-SectionText $sections $i)) }
                'SYNTAX' {
                    $model.Syntax = @(foreach ($child in $children) {
                            $code = @(Split-MarkdownBlock $child.Lines | Where-Object Kind -EQ 'Code')
                            if ($code.Count -ne 1) { throw "${where} / ### $($child.Title): expected one code block with the syntax line." }
                            $text = ($code[0].Lines -join ' ').Trim()
                            $order = @([regex]::Matches($text, '(?<=[\s\[])-([A-Za-z][\w]*)') | ForEach-Object { $_.Groups[1].Value })
                            [pscustomobject]@{
                                Name = ($child.Title -replace '\s*\(Default\)\s*$', '').Trim()
                                IsDefault = $child.Title -match '\(Default\)\s*$'
                                Text = $text
                                ParameterOrder = $order
                            }
                        })
                }
                'EXAMPLES' {
                    $model.Examples = @(foreach ($child in $children) {
                            $blocks = @(Split-MarkdownBlock $child.Lines)
                            $code = @($blocks | Where-Object Kind -EQ 'Code')
                            if ($code.Count -eq 0) { throw "${where} / ### $($child.Title): an example needs a code block." }
                            $firstCode = [array]::IndexOf($blocks, $code[0])
                            $textBefore = @(for ($b = 0; $b -lt $firstCode; $b++) { $blocks[$b] })
                            $textAfter = @(for ($b = $firstCode + 1; $b -lt $blocks.Count; $b++) { if ($blocks[$b].Kind -ne 'Code') { $blocks[$b] } })
                            $toParas = { param($bs) foreach ($b in $bs) { ConvertFrom-MarkdownBlock $b } }
                            [pscustomobject]@{
                                Title = $child.Title.Trim()
                                Code = ($code | ForEach-Object { ($_.Lines -join "`n").TrimEnd() }) -join "`n`n"
                                Introduction = @(& $toParas $textBefore)
                                Remarks = @(& $toParas $textAfter)
                            }
                        })
                }
                'PARAMETERS' {
                    $model.Parameters = @(foreach ($child in $children) {
                            if ($child.Level -ne 3) { continue }
                            if ($child.Title -match '^(?i)CommonParameters$|^<?(Workflow)?CommonParameters>?$') { continue }
                            if ($child.Title -notmatch '^-([A-Za-z]\w*)$') { throw "${where}: '### $($child.Title)' is not of the form '### -Name'." }
                            $parameterName = $Matches[1]
                            $blocks = @(Split-MarkdownBlock $child.Lines)
                            $yaml = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Info -eq 'yaml' })
                            if ($yaml.Count -eq 0) { throw "${where} / ### -${parameterName}: no ```yaml metadata block." }
                            $prose = @($blocks | Where-Object { -not ($_.Kind -eq 'Code' -and $_.Info -eq 'yaml') })
                            $paras = @(foreach ($b in $prose) { ConvertFrom-MarkdownBlock $b })
                            if ($paras.Count -eq 0) { throw "${where} / ### -${parameterName}: the parameter has no description." }
                            [pscustomobject]@{
                                Name = $parameterName
                                Description = $paras
                                Blocks = @($yaml | ForEach-Object { ConvertFrom-ParameterYaml $_.Lines "${where} / ### -${parameterName}" })
                            }
                        })
                }
                { $_ -in 'INPUTS', 'OUTPUTS' } {
                    $items = @(foreach ($child in $children) {
                            [pscustomobject]@{ Type = $child.Title.Trim(); Description = @(ConvertTo-HelpParagraph $child.Lines) }
                        })
                    if ($title -eq 'INPUTS') { $model.Inputs = $items } else { $model.Outputs = $items }
                }
                'RELATED LINKS' {
                    $model.Links = @(foreach ($line in (Get-SectionText $sections $i)) {
                            foreach ($m in [regex]::Matches($line, '\[([^\]]+)\]\(([^)]*)\)')) { [pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value.Trim() } }
                        })
                }
            }
        }
        foreach ($required in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
            if (-not $found.ContainsKey($required)) { throw "${Path}: the '## $required' section is missing." }
        }
        if ($model.Synopsis.Count -eq 0) { throw "${Path}: the synopsis is empty." }
        if ($model.Syntax.Count -eq 0) { throw "${Path}: ## SYNTAX has no '### <parameter set>' subsection." }

        # Every parameter named in a syntax line is documented, and every documented set exists.
        $documented = @($model.Parameters | ForEach-Object Name)
        $setNames = @($model.Syntax | ForEach-Object Name)
        foreach ($item in $model.Syntax) {
            foreach ($p in $item.ParameterOrder) {
                if ($p -notin $documented) { throw "${Path}: the syntax of set '$($item.Name)' names -$p, which ## PARAMETERS does not document." }
            }
        }
        foreach ($p in $model.Parameters) {
            foreach ($set in ($p.Blocks | ForEach-Object ParameterSets)) {
                if ($set -ne '(All)' -and $set -notin $setNames) { throw "${Path}: -$($p.Name) names the parameter set '$set', which ## SYNTAX does not have." }
            }
        }
        [pscustomobject]$model
    }
}

function Get-ParameterBlockForSet {
    # The metadata block of a parameter that applies to a set, or $null when the parameter is not in it.
    param($Parameter, [string] $SetName)
    foreach ($block in $Parameter.Blocks) {
        if ($block.ParameterSets -contains $SetName -or $block.ParameterSets -contains '(All)') { return $block }
    }
    $null
}

#endregion

#region MAML writing

function Write-MamlParagraphs {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    $Writer.WriteStartElement('maml', 'description', $script:Ns.maml)
    foreach ($p in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $script:Ns.maml, $p) }
    $Writer.WriteEndElement()
}

function Get-FullTypeName {
    # PlatyPS's Type line holds the short name; MAML's dev:type wants the full one where we know it.
    param([string] $Type)
    $element = $Type -replace '\[\]$', ''
    $suffix = if ($Type.EndsWith('[]')) { '[]' } else { '' }
    $known = @{
        String = 'System.String'; Int32 = 'System.Int32'; Boolean = 'System.Boolean'; SwitchParameter = 'System.Management.Automation.SwitchParameter'
        PSCredential = 'System.Management.Automation.PSCredential'; SecureString = 'System.Security.SecureString'; IDictionary = 'System.Collections.IDictionary'
        Hashtable = 'System.Collections.Hashtable'; Object = 'System.Object'; Uri = 'System.Uri'; DateTime = 'System.DateTime'
    }
    if ($known.ContainsKey($element)) { return $known[$element] + $suffix }
    $Type
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Block, [bool] $Required, [bool] $InSyntax)
    $w = $Writer
    $isSwitch = $Block.Type -in 'SwitchParameter', 'Switch'
    $pipeline = if ($Block.ByValue -and $Block.ByPropertyName) { 'True (ByValue, ByPropertyName)' } elseif ($Block.ByValue) { 'True (ByValue)' } elseif ($Block.ByPropertyName) { 'True (ByPropertyName)' } else { 'False' }
    $w.WriteStartElement('command', 'parameter', $script:Ns.command)
    $w.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $w.WriteAttributeString('variableLength', 'true')
    $w.WriteAttributeString('globbing', $Block.Globbing.ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', $pipeline)
    $w.WriteAttributeString('position', $Block.Position.ToLowerInvariant())
    $w.WriteAttributeString('aliases', $(if ($Block.Aliases.Count) { $Block.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $script:Ns.maml, $Parameter.Name)
    Write-MamlParagraphs $w $Parameter.Description
    if ($InSyntax -and $Block.AcceptedValues.Count -gt 0) {
        $w.WriteStartElement('command', 'parameterValueGroup', $script:Ns.command)
        foreach ($value in $Block.AcceptedValues) {
            $w.WriteStartElement('command', 'parameterValue', $script:Ns.command)
            $w.WriteAttributeString('required', 'false'); $w.WriteAttributeString('command', 'variableLength', $script:Ns.command, 'false')
            $w.WriteString($value)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    if (-not $isSwitch) {
        $w.WriteStartElement('command', 'parameterValue', $script:Ns.command)
        $w.WriteAttributeString('required', 'true'); $w.WriteAttributeString('variableLength', $Block.Type.EndsWith('[]').ToString().ToLowerInvariant())
        $w.WriteString($Block.Type)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $script:Ns.dev)
    $w.WriteElementString('maml', 'name', $script:Ns.maml, (Get-FullTypeName $Block.Type))
    $w.WriteElementString('maml', 'uri', $script:Ns.maml, '')
    $w.WriteEndElement()
    $w.WriteElementString('dev', 'defaultValue', $script:Ns.dev, $Block.DefaultValue)
    $w.WriteEndElement()
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, $Model)
    $w = $Writer
    $w.WriteStartElement('command', 'command', $script:Ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $script:Ns.maml)
    $w.WriteAttributeString('xmlns', 'command', $null, $script:Ns.command)
    $w.WriteAttributeString('xmlns', 'dev', $null, $script:Ns.dev)
    $w.WriteAttributeString('xmlns', 'MSHelp', $null, $script:Ns.MSHelp)

    $w.WriteStartElement('command', 'details', $script:Ns.command)
    $w.WriteElementString('command', 'name', $script:Ns.command, $Model.Name)
    $w.WriteElementString('command', 'verb', $script:Ns.command, $Model.Verb)
    $w.WriteElementString('command', 'noun', $script:Ns.command, $Model.Noun)
    Write-MamlParagraphs $w $Model.Synopsis
    $w.WriteEndElement()

    Write-MamlParagraphs $w $Model.Description

    # One syntax item per parameter set, parameters in the order of the set's syntax line.
    $w.WriteStartElement('command', 'syntax', $script:Ns.command)
    foreach ($item in $Model.Syntax) {
        $w.WriteStartElement('command', 'syntaxItem', $script:Ns.command)
        $w.WriteElementString('maml', 'name', $script:Ns.maml, $Model.Name)
        $inSet = @($Model.Parameters | Where-Object { $null -ne (Get-ParameterBlockForSet $_ $item.Name) -or $item.Name -eq '__AllParameterSets' })
        $ordered = @($item.ParameterOrder | ForEach-Object { $n = $_; $inSet | Where-Object Name -EQ $n }) + @($inSet | Where-Object Name -NotIn $item.ParameterOrder)
        foreach ($parameter in $ordered) {
            $block = Get-ParameterBlockForSet $parameter $item.Name
            if ($null -eq $block) { $block = $parameter.Blocks[0] }
            Write-MamlParameter $w $parameter $block $block.Required $true
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    # Each parameter once; required only when it is mandatory in every set it belongs to.
    $w.WriteStartElement('command', 'parameters', $script:Ns.command)
    foreach ($parameter in $Model.Parameters) {
        $required = -not ($parameter.Blocks | Where-Object { -not $_.Required })
        $merged = $parameter.Blocks[0].PSObject.Copy()
        $merged.ByValue = [bool]($parameter.Blocks | Where-Object ByValue)
        $merged.ByPropertyName = [bool]($parameter.Blocks | Where-Object ByPropertyName)
        Write-MamlParameter $w $parameter $merged $required $false
    }
    $w.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Items = $Model.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Items = $Model.Outputs })) {
        $w.WriteStartElement('command', $kind.List, $script:Ns.command)
        foreach ($entry in $kind.Items) {
            $w.WriteStartElement('command', $kind.Item, $script:Ns.command)
            $w.WriteStartElement('dev', 'type', $script:Ns.dev)
            $w.WriteElementString('maml', 'name', $script:Ns.maml, $entry.Type)
            $w.WriteEndElement()
            Write-MamlParagraphs $w $entry.Description
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }

    $w.WriteStartElement('maml', 'alertSet', $script:Ns.maml)
    $w.WriteStartElement('maml', 'alert', $script:Ns.maml)
    foreach ($p in $Model.Notes) { $w.WriteElementString('maml', 'para', $script:Ns.maml, $p) }
    $w.WriteEndElement()
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $script:Ns.command)
    foreach ($example in $Model.Examples) {
        $w.WriteStartElement('command', 'example', $script:Ns.command)
        $w.WriteElementString('maml', 'title', $script:Ns.maml, "-------------------------- $($example.Title) --------------------------")
        $w.WriteElementString('dev', 'code', $script:Ns.dev, $example.Code)
        $w.WriteStartElement('dev', 'remarks', $script:Ns.dev)
        foreach ($p in @($example.Introduction) + @($example.Remarks)) { $w.WriteElementString('maml', 'para', $script:Ns.maml, $p) }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $script:Ns.command)
    $links = @()
    $online = if ($Model.Metadata.Contains('online version')) { $Model.Metadata['online version'] } else { '' }
    if ($online) { $links += [pscustomobject]@{ Text = 'Online Version:'; Uri = $online } }
    foreach ($link in @($links) + @($Model.Links)) {
        $w.WriteStartElement('maml', 'navigationLink', $script:Ns.maml)
        $w.WriteElementString('maml', 'linkText', $script:Ns.maml, $link.Text)
        $w.WriteElementString('maml', 'uri', $script:Ns.maml, $(if ($link.Uri -match '^[a-z]+://') { $link.Uri } else { '' }))
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

function ConvertTo-MamlHelp {
    <#
    .SYNOPSIS
        Writes the MAML help file (helpItems) for the given command markdown files.
    .OUTPUTS
        System.IO.FileInfo of the written file.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string[]] $Path,
        [Parameter(Mandatory)] [string] $OutputPath
    )
    $models = @($Path | ForEach-Object { ConvertFrom-CommandMarkdown -Path $_ })
    $directory = Split-Path -Parent $OutputPath
    if ($directory -and -not (Test-Path $directory)) { $null = New-Item -ItemType Directory -Path $directory -Force }
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $full = [System.IO.Path]::GetFullPath($OutputPath, (Get-Location).ProviderPath)
    $writer = [System.Xml.XmlWriter]::Create($full, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:Ns.msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($model in ($models | Sort-Object Name)) { Write-MamlCommand $writer $model }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
    Get-Item -LiteralPath $full
}

#endregion

#region About topics

function Format-WrappedText {
    param([string] $Text, [int] $Indent, [int] $Width = 80, [int] $HangingIndent = 0)
    # A code span (`like this`) is never broken across lines.
    $words = [regex]::Matches($Text, '(?:``.+?``|`[^`]*`|\S)+') | ForEach-Object Value
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    $prefix = ' ' * $Indent
    foreach ($word in $words) {
        if ($line.Length -gt 0 -and ($prefix.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($prefix + $line)
            $prefix = ' ' * ($Indent + $HangingIndent)
            $line = $word
        }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $lines.Add($prefix + $line) }
    $lines
}

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        Converts a PlatyPS about-topic markdown file into an about_*.help.txt for Get-Help.
        '# Title', '## about_Name' (the lookup name), then '# SECTION' headings (printed in capitals at
        the margin), '## Subtopic' headings (capitals, indented), prose wrapped at 80 columns and
        indented 4 spaces, lists with a hanging indent, code and tables kept as written.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $OutputPath
    )
    $doc = Read-MarkdownDocument -Path $Path
    $sections = @($doc.Sections | Where-Object Level -GT 0)
    if ($sections.Count -lt 2 -or $sections[0].Level -ne 1) { throw "${Path}: an about topic starts with '# <Title>' and '## about_<Name>'." }
    $lookup = ($sections | Where-Object { $_.Title -match '^about_\w+$' } | Select-Object -First 1)
    if (-not $lookup) { throw "${Path}: no '## about_<Name>' heading gives the topic's lookup name." }
    $topic = $lookup.Title.Trim()

    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add("    $topic"); $out.Add('')
    foreach ($section in $doc.Sections) {
        if ($section.Level -eq 0 -or $section -eq $sections[0] -or $section -eq $lookup) {
            if ($section.Level -ne 0 -and (($section.Lines -join '').Trim())) { $lines = $section.Lines } else { continue }
        }
        else {
            $heading = (ConvertFrom-MarkdownInline $section.Title).ToUpperInvariant()
            $out.Add($(if ($section.Level -le 1) { $heading } else { (' ' * (4 * ($section.Level - 1))) + $heading }))
            $lines = $section.Lines
        }
        $indent = if ($section.Level -le 1) { 4 } else { 4 * $section.Level }
        $previous = $null
        foreach ($block in (Split-MarkdownBlock $lines)) {
            if ($previous -eq 'List' -and $block.Kind -eq 'List' -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
            $previous = $block.Kind
            switch ($block.Kind) {
                'Code' { foreach ($l in $block.Lines) { $out.Add(((' ' * ($indent + 4)) + $l).TrimEnd()) } }
                'Table' { foreach ($l in (Format-MarkdownTable $block.Lines)) { $out.Add((' ' * $indent) + $l) } }
                'List' { $bullet = if ($block.Info -match '^\d') { $block.Info } else { '-' }; $out.AddRange([string[]]@(Format-WrappedText "$bullet $(ConvertFrom-MarkdownInline ($block.Lines -join ' '))" $indent 80 ($bullet.Length + 1))) }
                'Heading' { $out.Add((' ' * $indent) + (ConvertFrom-MarkdownInline $block.Lines[0]).ToUpperInvariant()) }
                default { $out.AddRange([string[]]@(Format-WrappedText (ConvertFrom-MarkdownInline ($block.Lines -join ' ')) $indent)) }
            }
            $out.Add('')
        }
        if ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '') { $out.Add('') }
    }
    while ($out.Count -gt 0 -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
    $text = ($out -join [Environment]::NewLine) + [Environment]::NewLine
    if (-not $OutputPath) { return $text }
    $full = [System.IO.Path]::GetFullPath($OutputPath, (Get-Location).ProviderPath)
    $directory = Split-Path -Parent $full
    if (-not (Test-Path $directory)) { $null = New-Item -ItemType Directory -Path $directory -Force }
    [System.IO.File]::WriteAllText($full, $text, [System.Text.UTF8Encoding]::new($false))
    Get-Item -LiteralPath $full
}

#endregion

Export-ModuleMember -Function ConvertFrom-CommandMarkdown, ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Read-MarkdownDocument, Split-MarkdownBlock
