# Generic markdown reading for the help build: front matter and headings, blocks (code, paragraph,
# list item, table, heading) and inline markup rendered as console text. Knows nothing of PlatyPS.
Set-StrictMode -Version 3.0

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
        Lines that hold only an HTML comment are left out.
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
        # An HTML comment on a line of its own (such as '<!-- not-run: <reason> -->' above an example) is for the
        # page's readers and tests, not for Get-Help.
        if ($line -match '^\s*<!--.*-->\s*$') { continue }
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

Export-ModuleMember -Function Read-MarkdownDocument, Split-MarkdownBlock, ConvertFrom-MarkdownInline, Format-MarkdownTable, ConvertTo-HelpParagraph, ConvertFrom-MarkdownBlock
