namespace MrsJobs.Core.Errors;

/// <summary>
/// Every error id the module gives (the part of <c>FullyQualifiedErrorId</c> before the comma), in one
/// place. Ids ending in a dot are families, completed by a rule, a code or a problem name. A test keeps
/// this list and the error table of <c>about_MrsJobs</c> in step.
/// </summary>
public static class ErrorIds
{
#pragma warning disable CS1591 // the names say what they are; about_MrsJobs explains each
    public const string NotConnected = "MrsNotConnected";
    public const string InvalidConnectArgument = "MrsInvalidConnectArgument";
    public const string IamAuthenticationFailed = "IamAuthenticationFailed";
    public const string IamInvalidResponse = "IamInvalidResponse";
    public const string IamProjectNotFound = "IamProjectNotFound";
    public const string IamProjectAmbiguous = "IamProjectAmbiguous";
    public const string IamProjectLookupFailed = "IamProjectLookupFailed";
    public const string IamRequestFailed = "IamRequestFailed";
    public const string IamTokenNotValid = "IamTokenNotValid";
    public const string SessionExpired = "MrsSessionExpired";
    public const string SessionDisconnected = "MrsSessionDisconnected";
    public const string NotSentAfterAuthenticationFailure = "MrsJobNotSentAfterAuthenticationFailure";
    public const string SubmissionOutcomeUnknown = "MrsSubmissionOutcomeUnknown";
    public const string InvalidClusterId = "InvalidClusterId";
    public const string InvalidJobId = "InvalidJobId";
    public const string JobFailed = "MrsJobFailed";
    public const string JobKilled = "MrsJobKilled";
    public const string JobWaitTimeout = "MrsJobWaitTimeout";
    public const string JobAlreadyEnded = "MrsJobAlreadyEnded";
    public const string SqlResultNotAvailable = "MrsSqlResultNotAvailable";
    public const string SqlStatementNotFound = "MrsSqlStatementNotFound";
    public const string Connection = "MrsConnection";
    public const string Timeout = "MrsTimeout";
    public const string ConfirmationUnavailable = "MrsConfirmationUnavailable";
    public const string ClusterIdMissing = "MrsClusterIdMissing";
    public const string ProxyAuthenticationRequired = "MrsProxyAuthenticationRequired";
    public const string MetadataUnavailable = "MrsMetadataUnavailable";
    public const string MetadataRefused = "MrsMetadataRefused";
    public const string MetadataInvalidResponse = "MrsMetadataInvalidResponse";

    /// <summary>A row that broke a rule: <c>InvalidJobDefinition.&lt;Rule&gt;</c>.</summary>
    public const string InvalidJobDefinitionFamily = "InvalidJobDefinition.";

    /// <summary>A refusal with the service's code: <c>MrsApiError.&lt;code&gt;</c>, or <c>MrsApiError.Http&lt;status&gt;</c> without one.</summary>
    public const string ApiErrorFamily = "MrsApiError.";

    /// <summary>The credential chain's problems: <c>MrsCredentials.&lt;Problem&gt;</c>.</summary>
    public const string CredentialsFamily = "MrsCredentials.";

    /// <summary>A journal that cannot be used: <c>MrsJournal.&lt;Problem&gt;</c>.</summary>
    public const string JournalFamily = "MrsJournal.";

    /// <summary>An endpoint setting (an environment variable, the regions file) that cannot be used.</summary>
    public const string EndpointsInvalidValue = "MrsEndpoints.InvalidValue";
    public const string EndpointsMalformedFile = "MrsEndpoints.MalformedFile";
    public const string EndpointsUnreadableFile = "MrsEndpoints.UnreadableFile";
#pragma warning restore CS1591
}
