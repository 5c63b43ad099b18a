# What a user could see, and that no secret is in it: shared by the secrets tests.
Set-StrictMode -Version 3.0

function ConvertTo-AllText($Items) {
    <# Every rendering a user could see or save: the default view, all properties, and the exception details. #>
    $text = [System.Text.StringBuilder]::new()
    foreach ($item in $Items) {
        $null = $text.AppendLine(($item | Out-String -Width 4096))
        $null = $text.AppendLine(($item | Format-List * -Force | Out-String -Width 4096))
        if ($item -is [System.Management.Automation.ErrorRecord]) {
            $null = $text.AppendLine($item.Exception.ToString())
            $null = $text.AppendLine(($item.TargetObject | Format-List * -Force | Out-String -Width 4096))
            $null = $text.AppendLine([string]$item.ErrorDetails)
        }
    }
    $text.ToString()
}

function Assert-NoSecret([string] $Text, [string[]] $Secrets) {
    <# Fails when the text contains any of the secrets, naming only the secret's first characters. #>
    foreach ($secret in $Secrets) {
        $Text.Contains($secret) | Should -BeFalse -Because "'$($secret.Substring(0, 6))…' must never be shown"
    }
}

Export-ModuleMember -Function ConvertTo-AllText, Assert-NoSecret
