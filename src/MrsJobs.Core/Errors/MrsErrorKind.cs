namespace MrsJobs.Core.Errors;

/// <summary>What kind of failure an error is, so callers (and the PowerShell layer's category table) can react.</summary>
public enum MrsErrorKind
{
    /// <summary>Nothing more specific is known.</summary>
    Unknown,

    /// <summary>Credentials, token or signature were refused.</summary>
    Authentication,

    /// <summary>The token has expired; a new one is needed.</summary>
    TokenExpired,

    /// <summary>The caller is known but not allowed (or not set up) to do this.</summary>
    PermissionDenied,

    /// <summary>A cluster, project or job does not exist.</summary>
    NotFound,

    /// <summary>A parameter was refused.</summary>
    InvalidArgument,

    /// <summary>The cluster lacks the component the job type needs.</summary>
    NotInstalled,

    /// <summary>The cluster's state does not allow the operation now.</summary>
    ResourceUnavailable,

    /// <summary>Too many requests or jobs: try again later.</summary>
    Throttled,

    /// <summary>The service could not do what was asked.</summary>
    ServiceError,

    /// <summary>The endpoint could not be reached.</summary>
    Connection,

    /// <summary>The request took too long.</summary>
    Timeout,

    /// <summary>The answer did not have the documented shape.</summary>
    Protocol,
}
