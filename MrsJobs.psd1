@{
    RootModule             = 'MrsJobs.dll'
    # The one place the version is written: Directory.Build.props and build.ps1 read it from here.
    ModuleVersion          = '0.2.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5f0c9a7e-3b61-4f2e-9d84-2a7c1e6b0f93'
    Author                 = 'MrsJobs contributors'
    CompanyName            = 'MrsJobs contributors'
    Copyright              = '(c) MrsJobs contributors. MIT licence.'
    Description            = 'Submit and manage Huawei Cloud MapReduce Service (MRS) jobs from PowerShell: sign in with IAM, submit jobs one by one or from a CSV with local checks of the documented API contract, then list, wait for, stop and delete them and read SQL results.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('MrsJobs.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-MrsProject'
        'Disconnect-MrsProject'
        'Get-MrsSession'
        'New-MrsJobExecution'
        'Get-MrsJobExecution'
        'Wait-MrsJobExecution'
        'Stop-MrsJobExecution'
        'Remove-MrsJobExecution'
        'Get-MrsJobSqlResult'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('HuaweiCloud', 'Huawei', 'MRS', 'MapReduce', 'Hadoop', 'Spark', 'Hive', 'Flink', 'BigData', 'Jobs', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/mrsjobs/MrsJobs'
            LicenseUri   = 'https://github.com/mrsjobs/MrsJobs/blob/main/LICENSE'
            # build.ps1 Build puts this version's section of CHANGELOG.md here, in out/MrsJobs/MrsJobs.psd1.
            ReleaseNotes = 'https://github.com/mrsjobs/MrsJobs/blob/main/CHANGELOG.md'
        }
    }
}
