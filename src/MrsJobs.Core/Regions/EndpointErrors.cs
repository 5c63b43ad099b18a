using System;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Regions;

/// <summary>
/// The errors of endpoint settings, in the <see cref="MrsApiException"/> family (nothing was sent). As with the
/// credentials file, messages name variables, files, lines and keys; an endpoint is shown as scheme, host and
/// port at most.
/// </summary>
internal static class EndpointErrors
{
    private const string FileAdvice = "Fix the file (the shape is in about_MrsJobs, Endpoints), or set " + EndpointVariables.RegionsFile + " to another file.";

    /// <summary>A variable or file entry holds an endpoint that cannot be used.</summary>
    public static MrsApiException InvalidValue(string place, string problem, string advice = "Give an https URL, or a host name (https:// is added).") =>
        new($"{place}: {problem}", MrsErrorKind.InvalidArgument, advice: advice, errorId: ErrorIds.EndpointsInvalidValue);

    /// <summary>The regions file is not the YAML shape the SDKs read.</summary>
    public static MrsApiException Malformed(string path, int line, string problem) =>
        new($"Regions file '{path}', line {line}: {problem}", MrsErrorKind.InvalidArgument, advice: FileAdvice, errorId: ErrorIds.EndpointsMalformedFile);

    /// <summary>The regions file exists but cannot be read.</summary>
    public static MrsApiException Unreadable(string path, string reason, Exception? inner) =>
        new($"Regions file '{path}' could not be read: {reason}.", MrsErrorKind.PermissionDenied, advice: FileAdvice, innerException: inner, errorId: ErrorIds.EndpointsUnreadableFile);
}
