#Requires -Version 7.0
# Bad input across the cmdlets, one table row per kind: the module's own full ErrorId (never PowerShell's
# binding errors), the row or id named in the error, nothing sent for the bad input, and the good rows of
# the same pipeline still going through.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $seed = Get-TestSeed

    # A bad row: a good row with some cells changed. 'S3cret' marks values that must never be echoed.
    function New-BadRow([hashtable] $Change) {
        $row = [ordered]@{ ClusterId = $seed.FullCluster; JobName = 'bad-row'; JobType = 'MapReduce' }
        foreach ($key in $Change.Keys) { $row[$key] = $Change[$key] }
        [pscustomobject]$row
    }

    # New-MrsJobExecution, piped: Input is row 2, between two good rows.
    $rowCases = @(
        # Cluster ids: one harmless path segment of 1 to 64 letters, digits, '-' and '_'.
        @{ Case = "an empty cluster id"; Input = New-BadRow @{ ClusterId = '' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "a blank cluster id"; Input = New-BadRow @{ ClusterId = ' ' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id '.'"; Input = New-BadRow @{ ClusterId = '.' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id '..'"; Input = New-BadRow @{ ClusterId = '..' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id '/'"; Input = New-BadRow @{ ClusterId = '/' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id 'a/b'"; Input = New-BadRow @{ ClusterId = 'a/b' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id 'a?b'"; Input = New-BadRow @{ ClusterId = 'a?b' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id 'a#b'"; Input = New-BadRow @{ ClusterId = 'a#b' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id 'a%2Fb'"; Input = New-BadRow @{ ClusterId = 'a%2Fb' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "the cluster id 'a b'"; Input = New-BadRow @{ ClusterId = 'a b' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "a cluster id with a tab"; Input = New-BadRow @{ ClusterId = "a`tb" }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "a cluster id with a control character"; Input = New-BadRow @{ ClusterId = "a$([char]1)b" }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        @{ Case = "a cluster id of 65 characters"; Input = New-BadRow @{ ClusterId = 'c' * 65 }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
        # Job names: ^[A-Za-z0-9_-]{1,64}$; empty or blank is "required".
        @{ Case = "an empty job name"; Input = New-BadRow @{ JobName = '' }; ExpectedErrorId = 'InvalidJobDefinition.JobNameRequired' }
        @{ Case = "a blank job name"; Input = New-BadRow @{ JobName = ' ' }; ExpectedErrorId = 'InvalidJobDefinition.JobNameRequired' }
        @{ Case = "the job name ' x'"; Input = New-BadRow @{ JobName = ' x' }; ExpectedErrorId = 'InvalidJobDefinition.JobName' }
        @{ Case = "the job name 'a.b'"; Input = New-BadRow @{ JobName = 'a.b' }; ExpectedErrorId = 'InvalidJobDefinition.JobName' }
        @{ Case = "a job name of 65 characters"; Input = New-BadRow @{ JobName = 'n' * 65 }; ExpectedErrorId = 'InvalidJobDefinition.JobName' }
        @{ Case = "the job name 'naïve'"; Input = New-BadRow @{ JobName = 'naïve' }; ExpectedErrorId = 'InvalidJobDefinition.JobName' }
        # Job types.
        @{ Case = "an empty job type"; Input = New-BadRow @{ JobType = '' }; ExpectedErrorId = 'InvalidJobDefinition.JobTypeRequired' }
        @{ Case = "the job type 'Hive'"; Input = New-BadRow @{ JobType = 'Hive' }; ExpectedErrorId = 'InvalidJobDefinition.JobType' }
        @{ Case = "the job type 'mapreduce2'"; Input = New-BadRow @{ JobType = 'mapreduce2' }; ExpectedErrorId = 'InvalidJobDefinition.JobType' }
        # Arguments.
        @{ Case = "arguments of 4097 characters"; Input = New-BadRow @{ Arguments = 'S3cret' + ('x' * 4091) }; ExpectedErrorId = 'InvalidJobDefinition.ArgumentLength' }
        @{ Case = "the Arguments cell '[1,'"; Input = New-BadRow @{ Arguments = '[1,' }; ExpectedErrorId = 'InvalidJobDefinition.ArgumentsFormat' }
        # Properties.
        @{ Case = "properties of 2049 characters"; Input = New-BadRow @{ Properties = 'k=S3cret' + ('v' * 2042) }; ExpectedErrorId = 'InvalidJobDefinition.PropertyLength' }
        @{ Case = "the Properties cell '{'"; Input = New-BadRow @{ Properties = '{' }; ExpectedErrorId = 'InvalidJobDefinition.PropertiesFormat' }
        # An empty key is refused by the same rule in every notation.
        @{ Case = "the Properties cell '=v' (empty key)"; Input = New-BadRow @{ Properties = '=v' }; ExpectedErrorId = 'InvalidJobDefinition.PropertyKeyRequired' }
        @{ Case = "the Properties cell '{`"`":`"v`"}' (empty key)"; Input = New-BadRow @{ Properties = '{"":"v"}' }; ExpectedErrorId = 'InvalidJobDefinition.PropertyKeyRequired' }
        @{ Case = "a Properties hashtable with an empty key"; Input = New-BadRow @{ Properties = @{ '' = 'v' } }; ExpectedErrorId = 'InvalidJobDefinition.PropertyKeyRequired' }
        # A key given twice in a cell is a notation error (as New-MrsJobExecution.Contract.Tests.ps1 has it).
        @{ Case = "the Properties cell 'a=1;a=2'"; Input = New-BadRow @{ Properties = 'a=1;a=2' }; ExpectedErrorId = 'InvalidJobDefinition.PropertiesFormat' }
        @{ Case = "a Properties hashtable whose keys 1 and '1' read the same"; Input = New-BadRow @{ Properties = & { $h = @{}; $h[1] = 'x'; $h['1'] = 'y'; $h } }; ExpectedErrorId = 'InvalidJobDefinition.PropertyKeyDuplicate' }
        # Pipeline objects that are not job rows at all.
        @{ Case = "a bare string"; Input = 'just a string'; ExpectedErrorId = 'InvalidJobDefinition.InputObject' }
        @{ Case = "a number"; Input = 42; ExpectedErrorId = 'InvalidJobDefinition.InputObject' }
        @{ Case = "a Boolean"; Input = $true; ExpectedErrorId = 'InvalidJobDefinition.InputObject' }
        @{ Case = "`$null"; Input = $null; ExpectedErrorId = 'InvalidJobDefinition.InputObject' }
        # PowerShell does not bind hashtable keys by property name: the module says so, with the fix.
        @{ Case = "a hashtable with the right keys"; Input = @{ ClusterId = $seed.FullCluster; JobName = 'ht'; JobType = 'MapReduce' }; ExpectedErrorId = 'InvalidJobDefinition.InputObject' }
        @{ Case = "an object with no matching property"; Input = [pscustomobject]@{ Foo = 1; Bar = 'x' }; ExpectedErrorId = 'InvalidJobDefinition.ClusterId' }
    )
    foreach ($character in ';', '|', '&', '>', "'", '<', '$', '!', '"', '\') {
        $rowCases += @{ Case = "the character $character in an argument"; Input = New-BadRow @{ Arguments = "S3cret${character}x" }; ExpectedErrorId = 'InvalidJobDefinition.ArgumentCharacters' }
    }
    foreach ($character in '>', '<', '|', "'", '`', '&', '!', '"', '\') {
        $rowCases += @{ Case = "the character $character in a property value"; Input = New-BadRow @{ Properties = "k=S3cret${character}x" }; ExpectedErrorId = 'InvalidJobDefinition.PropertyCharacters' }
    }
    $rowCases += @{ Case = "the character < in a property key"; Input = New-BadRow @{ Properties = @{ 'a<b' = 'v' } }; ExpectedErrorId = 'InvalidJobDefinition.PropertyCharacters' }

    # The job cmdlets: Input is the JobId or ClusterId of the middle object of three.
    $badIds = @('..', '.', 'a/b', '%2F', 'a b', ('i' * 65))
    $idCases = foreach ($cmdlet in 'Get-MrsJobExecution', 'Stop-MrsJobExecution', 'Remove-MrsJobExecution', 'Wait-MrsJobExecution', 'Get-MrsJobSqlResult') {
        foreach ($bad in $badIds) {
            $shown = if ($bad.Length -gt 20) { "$($bad.Length) characters" } else { "'$bad'" }
            @{ Case = "$cmdlet -JobId $shown"; Cmdlet = $cmdlet; Parameter = 'JobId'; Input = $bad; ExpectedErrorId = 'InvalidJobId' }
            @{ Case = "$cmdlet -ClusterId $shown"; Cmdlet = $cmdlet; Parameter = 'ClusterId'; Input = $bad; ExpectedErrorId = 'InvalidClusterId' }
        }
    }

    # Connect-MrsProject: Input overrides the good arguments ($null removes one).
    $connectCases = @(
        @{ Case = '-MaxRetries 21'; Input = @{ MaxRetries = 21 }; ExpectedErrorId = 'ParameterArgumentValidationError'; Parameter = 'MaxRetries' }
        @{ Case = '-TimeoutSec 0'; Input = @{ TimeoutSec = 0 }; ExpectedErrorId = 'ParameterArgumentValidationError'; Parameter = 'TimeoutSec' }
        @{ Case = '-Endpoint http://example.com'; Input = @{ Endpoint = 'http://example.com' }; ExpectedErrorId = 'MrsInvalidConnectArgument'; Parameter = 'Endpoint' }
        @{ Case = '-IamEndpoint http://10.1.2.3:8080'; Input = @{ IamEndpoint = 'http://10.1.2.3:8080' }; ExpectedErrorId = 'MrsInvalidConnectArgument'; Parameter = 'IamEndpoint' }
        @{ Case = '-Endpoint ftp://127.0.0.1'; Input = @{ Endpoint = 'ftp://127.0.0.1' }; ExpectedErrorId = 'MrsInvalidConnectArgument'; Parameter = 'Endpoint' }
        @{ Case = '-Endpoint not a URL'; Input = @{ Endpoint = 'not a url' }; ExpectedErrorId = 'MrsInvalidConnectArgument'; Parameter = 'Endpoint' }
        @{ Case = '-Region with a blank and no endpoints'; Input = @{ Region = 'cn north 4'; Endpoint = $null; IamEndpoint = $null }; ExpectedErrorId = 'MrsInvalidConnectArgument'; Parameter = 'Region' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-ModuleUnderTest
    $seed = Get-TestSeed

    function Get-CmdletId([string] $Name) { 'MrsJobs.Commands.' + $Name.Replace('-', '') + 'Command' }

    # The field a rule's message names.
    function Get-RuleField([string] $ErrorId) {
        switch -Wildcard ($ErrorId) {
            '*.ClusterId*' { 'cluster_id' }
            '*.JobName*' { 'job_name' }
            '*.JobType*' { 'job_type' }
            '*.Argument*' { 'arguments' }
            '*.Propert*' { 'properties' }
            '*.InputObject' { 'input' }
        }
    }

    # What of an id a message must show: all of it, or its first 37 characters when it is cut (over 40).
    function Get-ShownId([string] $Id) { if ($Id.Length -le 40) { $Id } else { $Id.Substring(0, 37) } }

    # Each job cmdlet: the job plan its jobs need, its extra parameters, and what it writes for a good job.
    $jobCmdlets = @{
        'Get-MrsJobExecution'    = @{ JobName = 'quick-{n}'; Extra = @{} }
        'Stop-MrsJobExecution'   = @{ JobName = 'slow-{n}'; Extra = @{ Force = $true; PassThru = $true } }
        'Remove-MrsJobExecution' = @{ JobName = 'quick-{n}'; Extra = @{ Force = $true } }
        'Wait-MrsJobExecution'   = @{ JobName = 'quick-{n}'; Extra = @{ PollingInterval = 1; Timeout = 30 } }
        'Get-MrsJobSqlResult'    = @{ JobName = 'quick-{n}'; Extra = @{ AsStatement = $true } }
    }
}

Describe 'Bad input' {

    BeforeEach {
        Reset-Emulator
        Connect-TestProject
    }

    Context 'New-MrsJobExecution, piped: row 2 of 3 is bad' {

        It 'row 2 with <Case> gives <ExpectedErrorId> naming the row; rows 1 and 3 still go' -ForEach $rowCases {
            $case = $_
            $cmdletId = Get-CmdletId 'New-MrsJobExecution'
            $rows = @(
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'good-1'; JobType = 'MapReduce'; Arguments = 'obs://b/app.jar' }
                $case.Input
                [pscustomobject]@{ ClusterId = $seed.FullCluster; JobName = 'good-3'; JobType = 'MapReduce'; Properties = 'k=v' }
            )

            $output = @($rows | New-MrsJobExecution -ErrorAction SilentlyContinue -ErrorVariable failures)

            $failures.Count | Should -Be 1 -Because 'one bad row gives one error, and no binding error of PowerShell'
            $failure = $failures[0]
            $failure.FullyQualifiedErrorId | Should -BeExactly "$($case.ExpectedErrorId),$cmdletId"
            $failure.FullyQualifiedErrorId | Should -Not -Match 'InputObjectNotBound|ParameterArgumentTransformationError|ParameterBindingFailed'
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            $failure.Exception.Message | Should -BeLike 'Row 2 *'
            $failure.Exception.Message | Should -BeLike "*$(Get-RuleField $case.ExpectedErrorId):*"
            $failure.Exception.Message | Should -Not -BeLike '*S3cret*' -Because 'values may be secrets'
            $failure.TargetObject.Row | Should -Be 2

            $output.Row | Should -Be @(1, 3)
            $output.JobName | Should -Be @('good-1', 'good-3')
            $output.State | Should -Be @('COMPLETE', 'COMPLETE')
            (Get-SentBody).job_name | Should -Be @('good-1', 'good-3') -Because 'nothing is sent for the bad row'
        }
    }

    Context 'the job cmdlets: the middle of three jobs has a bad id' {

        It '<Case> gives <ExpectedErrorId> naming the id and sends nothing for it; the other jobs still go' -ForEach $idCases {
            $case = $_
            $spec = $jobCmdlets[$case.Cmdlet]
            Add-EmulatorJobPlan -JobName 'quick-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 0 }
            Add-EmulatorJobPlan -JobName 'slow-*' -Plan @{ new_ms = 0; accepted_ms = 0; running_ms = 600000 }
            $ids = @(Add-EmulatorJob -Count 3 -JobName $spec.JobName -Extra @{ job_type = 'SparkSql' })
            $null = Invoke-MrsEmulatorControl -Url (Get-EmulatorUrl) -Method Delete -Path 'requests'
            $middle = if ($case.Parameter -eq 'JobId') { @{ JobId = $case.Input; ClusterId = $seed.FullCluster } } else { @{ JobId = $ids[1]; ClusterId = $case.Input } }
            $jobs = @(
                [pscustomobject]@{ JobId = $ids[0]; ClusterId = $seed.FullCluster }
                [pscustomobject]$middle
                [pscustomobject]@{ JobId = $ids[2]; ClusterId = $seed.FullCluster }
            )
            $extra = $spec.Extra

            $output = @($jobs | & $case.Cmdlet @extra -ErrorAction SilentlyContinue -ErrorVariable failures)

            $failures.Count | Should -Be 1
            $failure = $failures[0]
            $failure.FullyQualifiedErrorId | Should -BeExactly "$($case.ExpectedErrorId),$(Get-CmdletId $case.Cmdlet)"
            $failure.Exception.Message.Contains((Get-ShownId $case.Input)) | Should -BeTrue -Because "the error names the id: $($failure.Exception.Message)"
            $failure.TargetObject | Should -Be $middle.JobId

            # Nothing for the bad job in any path: every request is about the good jobs (a '..' path would arrive normalized),
            # or lists the good cluster's jobs (Wait-MrsJobExecution reads 3 jobs of one cluster through its job list).
            $project = [regex]::Escape($seed.ProjectId)
            $cluster = [regex]::Escape($seed.FullCluster)
            $goodPath = "^/v2/$project/clusters/$cluster/job-executions(/($($ids[0])|$($ids[2]))(/kill|/sql-result)?|/batch-delete)?$"
            $requests = @(Get-EmulatorRequest)
            $requests.Count | Should -BeGreaterThan 0
            foreach ($request in $requests) { $request.path | Should -Match $goodPath }
            $deleted = @($requests | Where-Object path -Like '*/batch-delete' | ForEach-Object { (ConvertFrom-RequestBody $_).job_id_list })
            $deleted | Should -Not -Contain $ids[1]
            $deleted | Should -Not -Contain $case.Input

            # The good jobs went through.
            switch ($case.Cmdlet) {
                'Remove-MrsJobExecution' {
                    $left = @((Get-EmulatorJob).job_id)
                    $left | Should -Not -Contain $ids[0]
                    $left | Should -Not -Contain $ids[2]
                    $left | Should -Contain $ids[1]
                    $output.Count | Should -Be 0
                }
                'Get-MrsJobSqlResult' {
                    $output.StatementIndex | Should -Be @(0, 0)
                    @($requests | Where-Object path -Like '*/sql-result').Count | Should -Be 2
                }
                'Wait-MrsJobExecution' {
                    # One line per input row: the bad job's carries its error (never read, it comes last, at the first round's end).
                    $output.JobId | Should -Be @($ids[0], $ids[2], $middle.JobId)
                    $output[2].ErrorId | Should -Be $case.ExpectedErrorId
                    $output[2].State | Should -BeNullOrEmpty
                }
                default { $output.JobId | Should -Be @($ids[0], $ids[2]) }
            }
        }
    }

    Context 'Connect-MrsProject' {

        It '<Case> gives <ExpectedErrorId> and sends nothing' -ForEach $connectCases {
            $case = $_
            Reset-Emulator
            $url = Get-EmulatorUrl
            $arguments = @{ Credential = New-TestCredential; DomainName = $seed.Domain; Region = $seed.Region; Endpoint = $url; IamEndpoint = $url }
            foreach ($key in $case.Input.Keys) {
                if ($null -eq $case.Input[$key]) { $arguments.Remove($key) } else { $arguments[$key] = $case.Input[$key] }
            }

            $failure = Get-TerminatingError { Connect-MrsProject @arguments }

            $failure.FullyQualifiedErrorId | Should -BeExactly "$($case.ExpectedErrorId),$(Get-CmdletId 'Connect-MrsProject')"
            $failure.Exception.Message | Should -BeLike "*$($case.Parameter)*"
            @(Get-EmulatorRequest -IncludeIam).Count | Should -Be 0
        }
    }
}
