<#
.SYNOPSIS
    Runs in each docs example's fresh runspace, in its global scope, before the example: imports the installed
    module by name, points Connect-MrsProject at the emulator, connects etl-user of contoso-bigdata to cn-north-4 (the
    default session, also in $prod) and defines what the examples use without defining it.
.DESCRIPTION
    Variables: $clusterId (a running cluster with every component), $jobId (a SparkSql job that succeeded),
    $runningJobId (a SparkSql job running for an hour), $clusters (two clusters of cn-north-4), $testCluster (a cluster
    of ap-southeast-1), $credential, $prod, $projectId, $token (a SecureString for cn-north-4), $akFromVault and
    $skFromVault (an access key pair of etl-user), $jarAndArgs and $sparkPiArgs (job arguments).
    Environment: MRS_USER, MRS_PASSWORD, MRS_ACCOUNT, HUAWEICLOUD_SDK_AK/SK (the credential chain's source), and
    MRSJOBS_METADATA_ENDPOINT (the emulator, standing in for a VM's metadata service).
    Prompts: Get-Credential and Read-Host answer as the user would (the password of the user named; the token or the
    secret key a prompt asks for), since an example runs with nobody at the keyboard.
#>
param([Parameter(Mandatory)] $World)
$ErrorActionPreference = 'Stop'
Import-Module MrsJobs
Set-Location -LiteralPath $World.WorkPath
$PSDefaultParameterValues['Connect-MrsProject:Endpoint'] = $World.Url
$PSDefaultParameterValues['Connect-MrsProject:IamEndpoint'] = $World.Url

$credential = [pscredential]::new($World.User, (ConvertTo-SecureString $World.Password -AsPlainText -Force))
$prod = Connect-MrsProject -Credential $credential -DomainName $World.Domain -Region cn-north-4 -PassThru
$clusterId = $World.ClusterId
$jobId = $World.JobId
$runningJobId = $World.RunningJobId
$clusters = @($World.Clusters)
$testCluster = $World.TestCluster
$projectId = $World.ProjectId
$token = ConvertTo-SecureString $World.Token -AsPlainText -Force
$akFromVault = $World.AccessKey
$skFromVault = $World.SecretKey
$jarAndArgs = @('obs://demo-bucket/program/smoke-test.jar', 'smoke', 'obs://demo-bucket/input/')
$sparkPiArgs = @('--class', 'org.apache.spark.examples.SparkPi', 'obs://demo-bucket/program/spark-examples_2.12-3.3.1.jar', '100')

$env:MRS_USER = $World.User
$env:MRS_PASSWORD = $World.Password
$env:MRS_ACCOUNT = $World.Domain
$env:HUAWEICLOUD_SDK_AK = $World.AccessKey
$env:HUAWEICLOUD_SDK_SK = $World.SecretKey
$env:MRSJOBS_METADATA_ENDPOINT = $World.Url   # the emulator serves the ECS metadata service too (-UseMetadata)

$docsPromptAnswers = @{
    'X-Subject-Token'   = $World.Token
    'Secret access key' = $World.SecretKey
}

function global:Get-Credential {
    <# Answers the credential prompt: the password of the user named (etl-user's). #>
    param([Parameter(Position = 0)] [string] $UserName, [string] $Message, [string] $Title)
    [pscredential]::new($UserName, (ConvertTo-SecureString $World.Password -AsPlainText -Force))
}

function global:Read-Host {
    <# Answers the prompts the examples show; any other prompt is a mistake of the example. #>
    param([Parameter(Position = 0)] [string] $Prompt, [switch] $AsSecureString, [switch] $MaskInput)
    if (-not $docsPromptAnswers.ContainsKey($Prompt)) { throw "The docs prelude has no answer for Read-Host -Prompt '$Prompt'." }
    $answer = $docsPromptAnswers[$Prompt]
    if ($AsSecureString) { ConvertTo-SecureString $answer -AsPlainText -Force } else { $answer }
}

$ErrorActionPreference = 'Continue'
