# Writes the MAML help file (<Module>.dll-Help.xml) that Get-Help reads for cmdlets, from the models
# CommandMarkdownReader.psm1 makes of PlatyPS command pages.
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'CommandMarkdownReader.psm1')

$script:Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Get-ParameterBlockForSet {
    # The metadata block of a parameter that applies to a set, or $null when the parameter is not in it.
    param($Parameter, [string] $SetName)
    foreach ($block in $Parameter.Blocks) {
        if ($block.ParameterSets -contains $SetName -or $block.ParameterSets -contains '(All)') { return $block }
    }
    $null
}

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

Export-ModuleMember -Function ConvertTo-MamlHelp
