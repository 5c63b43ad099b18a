# Writes an about_*.help.txt for Get-Help from a PlatyPS about-topic page: headings in capitals,
# prose wrapped at 80 columns, lists with a hanging indent, code and tables kept as written.
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'MarkdownReader.psm1')

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

Export-ModuleMember -Function ConvertTo-AboutHelpText
