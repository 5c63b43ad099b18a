# Shared by the Pester files: the module under test, the emulator's control API and a few fixtures.
Set-StrictMode -Version 3.0
# No -Force: a forced re-import would unload the copy Invoke-PesterSuite.ps1 uses to stop the emulator.
Import-Module (Join-Path $PSScriptRoot '../../build/EmulatorProcess.psm1')
Import-Module (Join-Path $PSScriptRoot 'TestHosts.psm1')

$script:Seed = [pscustomobject]@{
    Domain         = 'demo-account'
    User           = 'demo-user'
    Password       = 'Demo-Passw0rd!'
    UnsyncedUser   = 'unsynced-user'
    UnsyncedPass   = 'Unsynced-Passw0rd!'
    Region         = 'cn-north-4'
    ProjectId      = '0b4a5b9c6d7e4f8091a2b3c4d5e6f708'
    OtherRegion    = 'ap-southeast-1'
    OtherProjectId = '1c5b6cad7e8f40a1b2c3d4e5f6a7b809'
    FullCluster    = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
    NoHiveCluster  = '7c2b0d3f-5a4e-4f9b-8c8d-3e6f9a2b4d5c'
    HadoopCluster  = '8d3c1e4a-6b5f-4a0c-9d9e-4f7a0b3c5e6d'
    AccessKey      = 'DEMOACCESSKEY0000001'
    SecretKey      = 'demo-secret-key-of-the-emulator-0001'
    TempAccessKey  = 'DEMOTEMPACCESSKEY001'
    TempSecretKey  = 'demo-temporary-secret-key-0001'
    SecurityToken  = 'demo-security-token-0001'
}

function Get-TestSeed { $script:Seed }

function Get-EmulatorUrl {
    if (-not $env:MRSJOBS_TEST_EMULATOR) { throw 'MRSJOBS_TEST_EMULATOR is not set: run the tests through ./build.ps1 Test.' }
    $env:MRSJOBS_TEST_EMULATOR
}

function Import-ModuleUnderTest {
    if (-not $env:MRSJOBS_TEST_MODULE) { throw 'MRSJOBS_TEST_MODULE is not set: run the tests through ./build.ps1 Test.' }
    Import-Module (Join-Path $env:MRSJOBS_TEST_MODULE 'MrsJobs.psd1') -Force -Global
}

function Reset-Emulator { $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'reset' }

function Get-EmulatorRequest {
    <# The requests the emulator received since the last reset (MRS ones by default). #>
    param([switch] $IncludeIam)
    $all = @(Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Get -Path 'requests')
    if ($IncludeIam) { return $all }
    @($all | Where-Object { $_.path -like '/v2/*' })
}

function Set-EmulatorSetting([hashtable] $Settings) {
    $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Put -Path 'settings' -Body $Settings
}

function Add-EmulatorFault([hashtable] $Fault) {
    $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'faults' -Body $Fault
}

function New-EmulatorToken {
    param([string] $User = $script:Seed.User, [string] $ProjectId = $script:Seed.ProjectId, [int] $LifetimeSeconds = 3600)
    Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'tokens' -Body @{
        user = $User; domain = $script:Seed.Domain; project_id = $ProjectId; lifetime_seconds = $LifetimeSeconds
    }
}

function New-TestCredential([string] $User = $script:Seed.User, [string] $Password = $script:Seed.Password) {
    [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

function Connect-TestProject {
    <# Connects the module to the emulator as the demo user. #>
    param(
        [string] $User = $script:Seed.User,
        [string] $Password = $script:Seed.Password,
        [hashtable] $Extra = @{},
        [switch] $PassThru
    )
    $url = Get-EmulatorUrl
    Connect-MrsProject -Credential (New-TestCredential $User $Password) -DomainName $script:Seed.Domain `
        -Region $script:Seed.Region -Endpoint $url -IamEndpoint $url -PassThru:$PassThru @Extra
}

function Use-Environment {
    <# Runs the script block with environment variables set (null removes one), then restores them. #>
    param([Parameter(Mandatory)] [hashtable] $Variables, [Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $saved = @{}
    foreach ($name in $Variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Variables[$name])
    }
    try { & $ScriptBlock }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
}

function ConvertFrom-RequestBody($Request) { $Request.body | ConvertFrom-Json -AsHashtable }

function Get-EmulatorJob {
    <# The jobs the emulator stored (accepted submissions) since the last reset. #>
    @(Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Get -Path 'jobs')
}

function Add-EmulatorJobPlan {
    <# Sets how jobs whose name matches JobName (* wildcard) run: durations in ms, result, final state, SQL rows. #>
    param([Parameter(Mandatory)] [string] $JobName, [hashtable] $Plan = @{})
    $body = @{ job_name = $JobName } + $Plan
    $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'job-plans' -Body $body
}

function Add-EmulatorJob {
    <# Stores jobs without the submit path (for paging); returns their ids, oldest first. #>
    param([int] $Count = 1, [string] $JobName = 'bulk-job-{n}', [string] $ClusterId = $script:Seed.FullCluster, [hashtable] $Extra = @{})
    $body = @{ count = $Count; job_name = $JobName; cluster_id = $ClusterId } + $Extra
    (Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'jobs' -Body $body).job_ids
}

function New-JobCsv {
    <# Writes a CSV file (UTF-8) into the current test's TestDrive and returns its path. #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string[]] $Lines)
    $path = Join-Path (Get-PSDrive TestDrive).Root $Name
    Set-Content -Path $path -Value $Lines -Encoding utf8
    $path
}

function Get-SentBody {
    <# The bodies of the MRS requests the emulator received since the last reset, as hashtables. #>
    , @(Get-EmulatorRequest | ForEach-Object { ConvertFrom-RequestBody $_ })
}

function Get-RequestHeader {
    <# A header of a recorded request, by name, whatever the case the recorder kept. #>
    param([Parameter(Mandatory)] $Request, [Parameter(Mandatory)] [string] $Name)
    $property = $Request.headers.PSObject.Properties | Where-Object Name -eq $Name | Select-Object -First 1
    if ($property) { $property.Value }
}

function Set-EmulatorFaultMix([hashtable] $Mix) {
    <# Puts a seeded random fault mix in force for submissions: @{ seed = 42; rates = @{ throttle_429 = 0.03; ... }; retry_after_seconds = 0 }. #>
    Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Put -Path 'fault-mix' -Body $Mix
}

function Clear-EmulatorFaultMix { $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Delete -Path 'fault-mix' }

function Get-EmulatorStats {
    <# jobs_total, jobs_by_name_over_one, peak_in_flight, in_flight, submissions_received, faults_fired. #>
    Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Get -Path 'stats'
}

function Reset-EmulatorStats { $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Post -Path 'stats/reset' }

function Get-EmulatorJobCount([string] $Name) {
    <# How many stored jobs have exactly this name. #>
    (Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Get -Path "job-counts?name=$([uri]::EscapeDataString($Name))").count
}

Export-ModuleMember -Function Get-TestSeed, Get-EmulatorUrl, Import-ModuleUnderTest, Reset-Emulator, Get-EmulatorRequest,
    Set-EmulatorSetting, Add-EmulatorFault, Use-Environment, New-EmulatorToken, New-TestCredential, Connect-TestProject, ConvertFrom-RequestBody,
    Invoke-MrsEmulatorControl, Get-EmulatorJob, Add-EmulatorJobPlan, Add-EmulatorJob, New-JobCsv, Get-SentBody, Get-RequestHeader, Invoke-InNewRunspace, Get-ClosedLoopbackPort, Get-TerminatingError,
    Set-EmulatorFaultMix, Clear-EmulatorFaultMix, Get-EmulatorStats, Reset-EmulatorStats, Get-EmulatorJobCount

# --- The submission engine, journal and load tests ---------------------------------------------------------------

function Get-TestFilePath {
    <# A file in the running test's TestDrive, as a file system path (a runspace or process of its own has no TestDrive: drive). #>
    param([Parameter(Mandatory)] [string] $Name)
    Join-Path (Get-PSDrive TestDrive).Root $Name
}

function New-TestJobRow {
    <# Job rows as Import-Csv gives them (every cell a string), named <Prefix>-<n>, with arguments that differ by row. #>
    param(
        [Parameter(Mandatory)] [int] $Count,
        [string] $Prefix = 'job',
        [string] $ClusterId = $script:Seed.FullCluster,
        [string] $JobType = 'MapReduce'
    )
    for ($n = 1; $n -le $Count; $n++) {
        [pscustomobject]@{ cluster_id = $ClusterId; job_name = "$Prefix-$n"; job_type = $JobType; arguments = "obs://bucket/app.jar run $n"; properties = '' }
    }
}

function Export-TestJobCsv {
    <# Writes job rows to a CSV file in the current test's TestDrive and returns its path. #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [object[]] $Rows)
    $path = Join-Path (Get-PSDrive TestDrive).Root $Name
    $Rows | Export-Csv -Path $path -NoTypeInformation -Encoding utf8
    $path
}

function Clear-EmulatorRequest { $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Delete -Path 'requests' }

function Get-EmulatorPostCount {
    <# How many submissions (POST …/job-executions, dropped ones included) the emulator received per job name since the last reset or clear. #>
    $counts = @{}
    foreach ($request in Get-EmulatorRequest) {
        if ($request.method -eq 'POST' -and $request.path -like '*/job-executions' -and $request.body) {
            $name = (ConvertFrom-RequestBody $request).job_name
            $counts[$name] = 1 + [int] $counts[$name]
        }
    }
    $counts
}

function Get-EmulatorJobByName {
    <# The stored jobs grouped by name: a hashtable name → array of jobs. #>
    $byName = @{}
    foreach ($job in Get-EmulatorJob) {
        if (-not $byName.ContainsKey($job.job_name)) { $byName[$job.job_name] = [System.Collections.Generic.List[object]]::new() }
        $byName[$job.job_name].Add($job)
    }
    $byName
}

function Get-DuplicateJobName {
    <# The names the emulator stored more than one job for (from /_emulator/stats), as strings. #>
    @((Get-EmulatorStats).jobs_by_name_over_one.PSObject.Properties | ForEach-Object Name)
}

function Read-TestJournal {
    <#
    The complete lines of a journal file (header, intent and outcome records) as objects; an incomplete last line is
    left out. Reads with full sharing, so a writer in another process is not disturbed. Do not call it while a command
    of THIS process holds the journal: closing a handle drops the process's POSIX record lock on the file.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    if (-not (Test-Path $Path)) { return @() }
    $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]'ReadWrite, Delete')
    try { $text = [System.IO.StreamReader]::new($stream).ReadToEnd() } finally { $stream.Dispose() }
    $lines = $text -split "`n"
    # The piece after the last newline is incomplete (or empty).
    @($lines | Select-Object -First ($lines.Count - 1) | Where-Object { $_.Trim() } | ForEach-Object {
            try { $_ | ConvertFrom-Json } catch { }
        })
}

function Get-ErrorRow {
    <# The row number an error's message names ("Row N (job 'x'): …"), or $null. #>
    param([Parameter(Mandatory)] $ErrorRecord)
    if ("$ErrorRecord" -match '^Row (\d+) ') { [int] $Matches[1] }
}

Export-ModuleMember -Function Get-TestFilePath, New-TestJobRow, Export-TestJobCsv, Clear-EmulatorRequest, Get-EmulatorPostCount, Get-EmulatorJobByName,
    Get-DuplicateJobName, Wait-TestCondition, Read-TestJournal, Get-ErrorRow, Start-BackgroundCommand, Stop-BackgroundCommand, Start-TestProcess

# --- Child processes that play a runbook (tests/pester/fixtures) ---------------------------------------------------

function Connect-TestProcess {
    <# In a script that Start-TestProcess started: points this support module at the emulator and the module under test, imports the module and connects. #>
    param([Parameter(Mandatory)] [string] $EmulatorUrl, [Parameter(Mandatory)] [string] $ModulePath)
    $env:MRSJOBS_TEST_EMULATOR = $EmulatorUrl
    $env:MRSJOBS_TEST_MODULE = $ModulePath
    Import-ModuleUnderTest
    Connect-TestProject
}

function Invoke-TestProcessReport {
    <# Runs a fixture script in a new pwsh -NonInteractive process (Start-TestProcess) and returns the last JSON line it wrote, as an object. #>
    param([Parameter(Mandatory)] [string] $ScriptPath, [string[]] $ArgumentList = @(), [int] $TimeoutSec = 120)
    $child = Start-TestProcess -ScriptPath $ScriptPath -ArgumentList $ArgumentList
    if (-not $child.Process.WaitForExit($TimeoutSec * 1000)) {
        $child.Process.Kill()
        throw "$(Split-Path $ScriptPath -Leaf) did not end within $TimeoutSec s."
    }
    $line = @($child.StandardOutput.Result -split "`n" | Where-Object { $_.Trim().StartsWith('{') }) | Select-Object -Last 1
    if (-not $line) { throw "$(Split-Path $ScriptPath -Leaf) wrote no report: $($child.StandardOutput.Result) $($child.StandardError.Result)" }
    $line | ConvertFrom-Json
}

Export-ModuleMember -Function Connect-TestProcess, Invoke-TestProcessReport
