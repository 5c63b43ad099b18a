#Requires -Version 7.0
# The module as shipped in out/MrsJobs: manifest, import, default views and tab completion.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed
    $manifestPath = Join-Path $env:MRSJOBS_TEST_MODULE 'MrsJobs.psd1'
    $cmdlets = @(
        'Connect-MrsProject', 'Disconnect-MrsProject', 'Get-MrsJobExecution', 'Get-MrsJobSqlResult', 'Get-MrsSession',
        'New-MrsJobExecution', 'Remove-MrsJobExecution', 'Stop-MrsJobExecution', 'Wait-MrsJobExecution'
    )

    function Get-Completion([string] $InputScript) {
        @((TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches.CompletionText)
    }

    function Invoke-FreshPwsh([string] $Command) {
        # A new pwsh process, no profile: nothing loaded but what the command loads.
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') {
            @([Environment]::GetCommandLineArgs()[0], '-NoProfile', '-NonInteractive', '-Command', $Command)
        }
        else { @('-NoProfile', '-NonInteractive', '-Command', $Command) }
        & $pwsh @arguments
    }
}

Describe 'The MrsJobs module' {

    BeforeEach {
        Reset-Emulator
    }

    Context 'manifest' {

        BeforeAll {
            $manifest = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
            $data = Import-PowerShellDataFile -Path $manifestPath
        }

        It 'exports exactly its cmdlets, and no function, alias or variable' {
            @($manifest.ExportedCmdlets.Keys | Sort-Object) | Should -Be $cmdlets
            @($data.CmdletsToExport | Sort-Object) | Should -Be $cmdlets
            $data.FunctionsToExport | Should -HaveCount 0
            $data.FunctionsToExport -is [array] | Should -BeTrue
            $data.AliasesToExport | Should -HaveCount 0
            $data.AliasesToExport -is [array] | Should -BeTrue
            $manifest.ExportedFunctions.Count | Should -Be 0
            $manifest.ExportedAliases.Count | Should -Be 0
        }

        It 'declares both editions and PowerShell 5.1' {
            @($manifest.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
            $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        }

        It 'names the format file, a version, a description, tags and project and licence links' {
            $data.FormatsToProcess | Should -Contain 'MrsJobs.format.ps1xml'
            Test-Path (Join-Path $env:MRSJOBS_TEST_MODULE 'MrsJobs.format.ps1xml') | Should -BeTrue
            $manifest.Version | Should -BeGreaterThan ([version]'0.0')
            $manifest.Description | Should -Not -BeNullOrEmpty
            $manifest.Tags | Should -Contain 'MRS'
            $manifest.ProjectUri | Should -Not -BeNullOrEmpty
            $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        }

        It 'ships the module folder without build leftovers' {
            $names = (Get-ChildItem $env:MRSJOBS_TEST_MODULE -Recurse -File).Name
            $names | Should -Contain 'MrsJobs.dll'
            $names | Should -Contain 'MrsJobs.Core.dll'
            $names | Where-Object { $_ -like '*.deps.json' } | Should -BeNullOrEmpty
            $names | Where-Object { $_ -like 'System.Management.Automation.dll' } | Should -BeNullOrEmpty
        }
    }

    Context 'import' {

        It 'offers exactly its cmdlets once imported' {
            @((Get-Command -Module MrsJobs).Name | Sort-Object) | Should -Be $cmdlets
            (Get-Command -Module MrsJobs).CommandType | Sort-Object -Unique | Should -Be 'Cmdlet'
        }

        It 'imports quickly in a fresh pwsh, without any network call or session' {
            $json = Invoke-FreshPwsh @"
`$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$manifestPath' -ErrorAction Stop
`$watch.Stop()
`$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'MrsJobs.Core' }
`$created = `$false
if (`$core) {
    `$type = `$core.GetType('MrsJobs.Core.Http.SharedHttpClient', `$true)
    `$lazy = `$type.GetField('Client', [Reflection.BindingFlags]'NonPublic,Static').GetValue(`$null)
    `$created = `$lazy.IsValueCreated
}
[pscustomobject]@{ Milliseconds = `$watch.ElapsedMilliseconds; HttpClientCreated = [bool]`$created; Commands = @(Get-Command -Module MrsJobs).Count } | ConvertTo-Json -Compress
"@
            $measure = $json | Select-Object -Last 1 | ConvertFrom-Json

            $measure.Commands | Should -Be $cmdlets.Count
            $measure.Milliseconds | Should -BeLessThan 3000
            $measure.HttpClientCreated | Should -BeOfType [bool]
            $measure.HttpClientCreated | Should -BeFalse
            @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
        }
    }

    Context 'default views' {

        It 'shows a JobSubmitResult as a table of Row, SubmitState, the whole JobId and JobName, in 80 columns' {
            Connect-TestProject
            $result = New-MrsJobExecution -ClusterId $seed.FullCluster -JobName table-view -JobType MapReduce

            $lines = @(($result | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
            $header = $lines[0]
            $positions = foreach ($column in 'Row', 'SubmitState', 'JobId', 'JobName') {
                $header | Should -Match "\b$column\b"
                $header.IndexOf($column)
            }
            $positions | Should -Be ($positions | Sort-Object)
            $lines[1] | Should -Match '^\s*-+'
            $lines[2] | Should -BeLike "*1*COMPLETE*$($result.JobId)*table-view"
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
            $header | Should -Not -Match '\bErrorMessage\b'
        }

        It 'shows a session as a list without secrets' {
            $session = Connect-TestProject -PassThru

            $text = $session | Out-String
            $text | Should -Match '(?m)^Region\s*:\s*cn-north-4'
            $text | Should -Match "(?m)^ProjectId\s*:\s*$($seed.ProjectId)"
            $text | Should -Match '(?m)^AuthMethod\s*:\s*Password'
        }
    }

    Context 'help' {

        It 'documents both notations of the Arguments and Properties cells in the cmdlet''s help' {
            $arguments = (Get-Help New-MrsJobExecution -Parameter Arguments).description.Text -join ' '
            $properties = (Get-Help New-MrsJobExecution -Parameter Properties).description.Text -join ' '

            $arguments | Should -BeLike '*JSON array*'
            $arguments | Should -BeLike '*whitespace*'
            $properties | Should -BeLike '*JSON object*'
            $properties | Should -BeLike '*key=value*'
        }

        It 'documents every parameter of every cmdlet' {
            foreach ($name in $cmdlets) {
                $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
                foreach ($parameter in (Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $common }) {
                    ((Get-Help $name -Parameter $parameter).description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "$name -$parameter needs help"
                }
            }
        }
    }

    Context 'tab completion' {

        It 'completes -JobType with the nine job types' {
            $all = Get-Completion 'New-MrsJobExecution -JobType '

            @($all | Sort-Object) | Should -Be @('DistCp', 'Flink', 'HiveScript', 'HiveSql', 'MapReduce', 'SparkPython', 'SparkScript', 'SparkSql', 'SparkSubmit')
        }

        It 'completes -JobType from a prefix, in any case' {
            @(Get-Completion 'New-MrsJobExecution -JobType Spark' | Sort-Object) | Should -Be @('SparkPython', 'SparkScript', 'SparkSql', 'SparkSubmit')
            @(Get-Completion 'New-MrsJobExecution -JobType hive' | Sort-Object) | Should -Be @('HiveScript', 'HiveSql')
        }

        It 'completes -Region with Huawei Cloud regions' {
            $regions = Get-Completion 'Connect-MrsProject -Region cn-north-'

            $regions | Should -Contain 'cn-north-4'
            $regions | ForEach-Object { $_ | Should -BeLike 'cn-north-*' }
            Get-Completion 'Connect-MrsProject -Region ' | Should -Contain 'ap-southeast-1'
        }
    }
}
