# Reads the runnable examples of the help pages (docs/en-US/<Cmdlet>.md and about_*.md): every ```powershell block under
# "## EXAMPLES" ("# EXAMPLES" in an about topic), as a script or, for a console transcript ("PS> " lines), as its commands and the errors it shows.
Set-StrictMode -Version 3.0

$script:NotRunPattern = '^\s*<!--\s*not-run:\s*(?<reason>.*?)\s*-->\s*$'
# The console's concise view of an error: "Verb-Noun: message".
$script:ErrorLinePattern = '^(?<command>[A-Z][a-z]+-[A-Z][A-Za-z]+): '

function Test-IncompleteInput {
    <# Whether the console would ask for more (">>"): the text so far does not parse only because it is incomplete. #>
    param([Parameter(Mandatory)] [string] $Text)
    $tokens = $null
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref] $tokens, [ref] $errors)
    [bool] ($errors | Where-Object IncompleteInput)
}

function Split-Transcript {
    <#
    Splits a console transcript into Commands (each "PS> " line with the lines the console would read on, as one
    script each) and ExpectedErrors (the command name of every "Verb-Noun: message" line of the output).
    #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Lines)
    $commands = [System.Collections.Generic.List[string]]::new()
    $expected = [System.Collections.Generic.List[string]]::new()
    $current = $null
    foreach ($line in $Lines) {
        if ($null -ne $current -and (Test-IncompleteInput $current)) {
            $current += "`n" + $line
            continue
        }
        if ($null -ne $current) { $commands.Add($current); $current = $null }
        if ($line -match '^PS[^>]*>\s?(?<command>.*)$') {
            $current = $Matches.command
        }
        elseif ($line -match $script:ErrorLinePattern) {
            $expected.Add($Matches.command)
        }
    }
    if ($null -ne $current) { $commands.Add($current) }
    [pscustomobject]@{ Commands = [string[]] $commands.ToArray(); ExpectedErrors = [string[]] $expected.ToArray() }
}

function Get-DocsExample {
    <#
    The ```powershell blocks under "## EXAMPLES" of each cmdlet page in DocsPath, and under "# EXAMPLES" of the
    about_* topics: Id
    ("<Cmdlet> / <example title>"), Page, Title, Line, NotRun (the reason of a "<!-- not-run: reason -->" line right
    above the fence, else $null), IsTranscript, Commands (a transcript's commands, or the whole block as one) and ExpectedErrors
    (the command names of the error lines a transcript shows; none for a script).
    #>
    param([Parameter(Mandatory)] [string] $DocsPath)
    foreach ($page in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Sort-Object Name) {
        $lines = @(Get-Content -LiteralPath $page.FullName -Encoding utf8)
        $inExamples = $false
        $title = ''
        $perTitle = @{}
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $line = $lines[$i]
            if ($line -match '^#{1,2} ') {
                $inExamples = $line -match '^#{1,2} EXAMPLES\s*$'
                $title = 'Examples'   # an about topic's examples have no titles of their own
                continue
            }
            if (-not $inExamples) { continue }
            if ($line -match '^### (?<title>.+)$') { $title = $Matches.title.Trim(); continue }
            if ($line -notmatch '^\s*(?<fence>`{3,}|~{3,})\s*(?<info>\S*)') { continue }
            $fence = $Matches.fence
            $info = $Matches.info
            $start = $i
            $body = [System.Collections.Generic.List[string]]::new()
            for ($i++; $i -lt $lines.Count -and -not ($lines[$i] -match '^\s*(`{3,}|~{3,})\s*$' -and $Matches[1].StartsWith($fence)); $i++) {
                $body.Add($lines[$i])
            }
            if ($info -ne 'powershell') { continue }
            $notRun = $null
            if ($start -gt 0 -and $lines[$start - 1] -match $script:NotRunPattern) {
                $notRun = $Matches.reason
                if (-not $notRun) { throw "$($page.Name) line $start`: a not-run marker needs a reason: <!-- not-run: <reason> -->." }
            }
            $isTranscript = [bool] ($body | Where-Object { $_ -match '^PS[^>]*>' })
            $parts = if ($isTranscript) { Split-Transcript -Lines $body.ToArray() } else { [pscustomobject]@{ Commands = @($body -join "`n"); ExpectedErrors = @() } }
            $perTitle[$title] = 1 + [int] $perTitle[$title]
            $id = "$($page.BaseName) / $title" + $(if ($perTitle[$title] -gt 1) { " (block $($perTitle[$title]))" } else { '' })
            [pscustomobject]@{
                Id             = $id
                Page           = $page.BaseName
                Title          = $title
                Line           = $start + 1
                NotRun         = $notRun
                IsTranscript   = $isTranscript
                Commands       = [string[]] @($parts.Commands)
                ExpectedErrors = [string[]] @($parts.ExpectedErrors)
            }
        }
    }
}

Export-ModuleMember -Function Get-DocsExample, Split-Transcript
