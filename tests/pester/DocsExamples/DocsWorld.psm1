# The world the docs examples are written in, rebuilt in the emulator before each example: the account
# contoso-bigdata with the IAM user etl-user, its projects and clusters, the jobs whose ids the pages show, and the
# CSV files they read. The values the prelude needs are returned.
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../../../build/EmulatorProcess.psm1')

$script:Domain = 'contoso-bigdata'
$script:User = 'etl-user'
$script:Password = 'Etl-Passw0rd!'
$script:ClusterId = '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
$script:SparkCluster = '7c2b0d3f-5a4e-4f9b-8c8d-3e6f9a2b4d5c'
$script:TestCluster = '9e4f2a6c-8d1b-4c3e-a5f7-0b2d4e6f8a1c'
$script:AccessKey = 'HPUAZ3KQW8N4TJ5V7QXA'
$script:SecretKey = 'docs-example-secret-key-of-etl-user-01'

# The jobs the pages name by id; names pick their plans (below).
$script:Jobs = @(
    @{ job_id = '3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4'; job_name = 'wordcount-daily'; job_type = 'MapReduce' }
    @{ job_id = '8e41b0d2-7c3a-4f65-b1d9-0a2e6c5f7b18'; job_name = 'count-web-logs'; job_type = 'HiveSql' }
    @{ job_id = 'c7d9e3f1-2a4b-4c6d-8e0f-1a3b5c7d9e2f'; job_name = 'daily-report'; job_type = 'HiveScript' }
    @{ job_id = '1f3e5a7c-9b2d-4f60-8e1a-3c5e7a9b1d24'; job_name = 'top-pages'; job_type = 'SparkScript' }
    @{ job_id = '4b8d0f2a-6c1e-4a3b-9d5f-7e9a1c3b5d60'; job_name = 'sales-by-region'; job_type = 'SparkSql' }
    @{ job_id = '5d2f8b1c-3e7a-4c90-a6d4-9f1b3e5c7a08'; job_name = 'sales-rollup'; job_type = 'SparkSql' }
    @{ job_id = 'a4c6e8f0-2b4d-4f68-8a0c-e2f4a6b8c0d2'; job_name = 'nightly-sessionize'; job_type = 'SparkSubmit' }
)

$script:Files = @{
    # As New-MrsJobExecution's Example 2 shows it: row 4 breaks the job name rule.
    'jobs.csv'      = @(
        'cluster_id,job_name,job_type,arguments,properties'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,wordcount-daily,MapReduce,obs://demo-bucket/program/wordcount.jar wordcount obs://demo-bucket/input/ obs://demo-bucket/output/,fs.obs.endpoint=obs.cn-north-4.myhuaweicloud.com;mapreduce.job.reduces=4'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,count-web-logs,HiveSql,"[""SELECT COUNT(*) FROM web_logs""]",'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,daily-report,HiveScript,obs://demo-bucket/sql/daily_report.sql,"{""hive.exec.parallel"":""true""}"'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,ETL load 2026-11,SparkSql,"[""SELECT region, SUM(amount) FROM sales GROUP BY region""]",'
    )
    # A runbook's CSV: every row valid, every job succeeds.
    'nightly.csv'   = @(
        'cluster_id,job_name,job_type,arguments,properties'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,nightly-wordcount,MapReduce,obs://demo-bucket/program/wordcount.jar wordcount obs://demo-bucket/input/ obs://demo-bucket/output/,mapreduce.job.reduces=4'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,nightly-report,HiveScript,obs://demo-bucket/sql/daily_report.sql,'
        '6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b,nightly-totals,SparkSql,"[""SELECT region, SUM(amount) FROM sales GROUP BY region""]",'
    )
    # As New-MrsJobExecution | Export-Csv writes it (the columns that matter).
    'submitted.csv' = @(
        '"JobId","ClusterId","JobName","JobType"'
        '"3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4","6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b","wordcount-daily","MapReduce"'
        '"8e41b0d2-7c3a-4f65-b1d9-0a2e6c5f7b18","6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b","count-web-logs","HiveSql"'
        '"c7d9e3f1-2a4b-4c6d-8e0f-1a3b5c7d9e2f","6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b","daily-report","HiveScript"'
    )
    'to-stop.csv'   = @(
        'job_id,cluster_id'
        '5d2f8b1c-3e7a-4c90-a6d4-9f1b3e5c7a08,6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
        'a4c6e8f0-2b4d-4f68-8a0c-e2f4a6b8c0d2,6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
    )
    # Two ended jobs and one that does not exist.
    'to-delete.csv' = @(
        'job_id,cluster_id'
        '3f2c6a1e-0d7b-4c55-9a8e-51b1f0e7c2d4,6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
        '00000000-0000-0000-0000-000000000000,6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
        'c7d9e3f1-2a4b-4c6d-8e0f-1a3b5c7d9e2f,6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b'
    )
}

function Get-ProjectToken {
    <# Signs etl-user in to a project of contoso-bigdata through IAM; returns Token and ProjectId. #>
    param([Parameter(Mandatory)] [string] $Url, [Parameter(Mandatory)] [string] $ProjectName)
    $body = @{ auth = @{
            identity = @{ methods = @('password'); password = @{ user = @{ name = $script:User; password = $script:Password; domain = @{ name = $script:Domain } } } }
            scope    = @{ project = @{ name = $ProjectName } }
        }
    } | ConvertTo-Json -Depth 10
    $response = Invoke-WebRequest -Uri "$Url/v3/auth/tokens" -Method Post -ContentType 'application/json' -Body $body
    [pscustomobject]@{ Token = "$($response.Headers['X-Subject-Token'])"; ProjectId = ($response.Content | ConvertFrom-Json).token.project.id }
}

function Initialize-DocsWorld {
    <#
    Resets the emulator and builds the docs' world in it, writes the CSV files into WorkPath, and returns what the
    prelude defines: Url, WorkPath, Domain, User, Password, the project ids, cluster ids, job ids, a token, an access key.
    Jobs end at once unless their plan says otherwise (sales-rollup and nightly-sessionize run for an hour,
    wordcount-daily fails); the argument character check is off, as the service does not enforce it.
    #>
    param([Parameter(Mandatory)] [string] $Url, [Parameter(Mandatory)] [string] $WorkPath)
    $control = { param($Method, $Path, $Body) $null = Invoke-MrsEmulatorControl -Url $Url -Method $Method -Path $Path -Body $Body }
    $null = Invoke-MrsEmulatorControl -Url $Url -Method Post -Path 'reset'
    & $control Put 'settings' @{ argument_character_check = $false; default_job_plan = @{ new_ms = 0; accepted_ms = 0; running_ms = 0 } }
    & $control Post 'users' @{ domain = $script:Domain; name = $script:User; password = $script:Password }
    & $control Post 'projects' @{ domain = $script:Domain; name = 'cn-north-4_etl' }
    $main = Get-ProjectToken -Url $Url -ProjectName 'cn-north-4'
    $test = Get-ProjectToken -Url $Url -ProjectName 'ap-southeast-1'
    & $control Post 'clusters' @{ cluster_id = $script:ClusterId; project_id = $main.ProjectId; components = @('Hadoop', 'Spark', 'Hive', 'Flink'); unsynchronized_users = @() }
    & $control Post 'clusters' @{ cluster_id = $script:SparkCluster; project_id = $main.ProjectId; components = @('Hadoop', 'Spark'); unsynchronized_users = @() }
    & $control Post 'clusters' @{ cluster_id = $script:TestCluster; project_id = $test.ProjectId; components = @('Hadoop', 'Spark'); unsynchronized_users = @() }
    & $control Post 'access-keys' @{ user = $script:User; domain = $script:Domain; access_key = $script:AccessKey; secret_key = $script:SecretKey }
    & $control Post 'job-plans' @{ job_name = 'wordcount-daily'; result = 'FAILED' }
    & $control Post 'job-plans' @{ job_name = 'sales-rollup'; running_ms = 3600000 }
    & $control Post 'job-plans' @{ job_name = 'nightly-sessionize'; running_ms = 3600000 }
    $visits = @(1..10 | ForEach-Object { @{ day = '2026-11-24'; page = "/page/$_"; visits = "$(1000 - $_ * 37)" } })
    & $control Post 'job-plans' @{ job_name = 'top-pages'; sql_results = @{ '0' = @(); '1' = $visits } }
    foreach ($job in $script:Jobs) { & $control Post 'jobs' ($job + @{ cluster_id = $script:ClusterId; user = $script:User }) }
    # Old records, submitted 40 days ago, a minute apart: ended long since.
    $old = [DateTimeOffset]::UtcNow.AddDays(-40).ToUnixTimeMilliseconds()
    & $control Post 'jobs' @{ count = 73; job_name = 'archive-{n}'; cluster_id = $script:ClusterId; user = $script:User; submitted_time = $old; interval_ms = 60000 }

    if (Test-Path $WorkPath) { Remove-Item -LiteralPath $WorkPath -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $WorkPath
    foreach ($name in $script:Files.Keys) { Set-Content -LiteralPath (Join-Path $WorkPath $name) -Value $script:Files[$name] -Encoding utf8 }

    [pscustomobject]@{
        Url           = $Url
        WorkPath      = $WorkPath
        Domain        = $script:Domain
        User          = $script:User
        Password      = $script:Password
        ProjectId     = $main.ProjectId
        Token         = $main.Token
        ClusterId     = $script:ClusterId
        Clusters      = @($script:ClusterId, $script:SparkCluster)
        TestCluster   = $script:TestCluster
        JobId         = '4b8d0f2a-6c1e-4a3b-9d5f-7e9a1c3b5d60'
        RunningJobId  = '5d2f8b1c-3e7a-4c90-a6d4-9f1b3e5c7a08'
        AccessKey     = $script:AccessKey
        SecretKey     = $script:SecretKey
    }
}

Export-ModuleMember -Function Initialize-DocsWorld
