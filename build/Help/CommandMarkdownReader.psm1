# Reads one PlatyPS (schema 2.0.0) command page into a help model: name, synopsis, syntax, examples,
# parameters, inputs, outputs, notes and links. Throws, naming the file and section, on a broken page.
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'MarkdownReader.psm1')

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

Export-ModuleMember -Function ConvertFrom-CommandMarkdown
