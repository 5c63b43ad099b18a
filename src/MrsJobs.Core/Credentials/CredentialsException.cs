using System;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Access keys could not be had from the parameters, the environment or the credentials file. Part of the
/// <see cref="MrsApiException"/> family, so the cmdlets' one error table handles it; no HTTP call was made.
/// Messages name variables, files, sections, keys and lines, never a value.
/// </summary>
public sealed class CredentialsException : MrsApiException
{
    /// <summary>Creates the exception.</summary>
    public CredentialsException(
        string message,
        CredentialsProblem problem,
        string? filePath = null,
        int? lineNumber = null,
        string? advice = null,
        Exception? innerException = null)
        : base(message, KindOf(problem), advice: advice, innerException: innerException, errorId: ErrorIds.CredentialsFamily + problem)
    {
        Problem = problem;
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>What is wrong.</summary>
    public CredentialsProblem Problem { get; }

    /// <summary>The credentials file concerned, when the problem is in one.</summary>
    public string? FilePath { get; }

    /// <summary>The line of <see cref="FilePath"/> concerned (1-based), when one line is to blame.</summary>
    public int? LineNumber { get; }

    private static MrsErrorKind KindOf(CredentialsProblem problem) => problem switch
    {
        CredentialsProblem.NotFound => MrsErrorKind.NotFound,
        CredentialsProblem.UnreadableFile => MrsErrorKind.PermissionDenied,
        _ => MrsErrorKind.InvalidArgument,
    };
}
