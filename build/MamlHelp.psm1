# Converts PlatyPS-style markdown help into what Get-Help reads: MAML (<Module>.dll-Help.xml) for
# cmdlets and about_*.help.txt for about topics. No external packages: a small markdown reader of our
# own that knows the PlatyPS schema 2.0.0 layout (and nothing more exotic than it needs).
# The work is in build/Help: MarkdownReader (markdown → blocks), CommandMarkdownReader (command page →
# model), MamlWriter (models → MAML) and AboutTopicWriter (about page → text); this module joins them.
Set-StrictMode -Version 3.0

foreach ($part in 'MarkdownReader', 'CommandMarkdownReader', 'MamlWriter', 'AboutTopicWriter') {
    Import-Module (Join-Path $PSScriptRoot "Help/$part.psm1") -Force
}

Export-ModuleMember -Function ConvertFrom-CommandMarkdown, ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Read-MarkdownDocument, Split-MarkdownBlock
