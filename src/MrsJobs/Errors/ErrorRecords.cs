using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Validation;

namespace MrsJobs.Errors;

/// <summary>
/// The one place where failures become <see cref="ErrorRecord"/>s: error kind → category and stable
/// error ids. API advice is part of the message; the -SkipCheck hint of a broken job is the recommended action.
/// </summary>
internal static class ErrorRecords
{
    private const string NotConnectedMessage = "Not connected to MRS. Run Connect-MrsProject first (or pass -Session).";

    /// <summary>The error for a call that failed at the service or on the way there.</summary>
    public static ErrorRecord FromApi(MrsApiException exception, object? target, string? subject = null)
    {
        // The advice stays in the message (Windows PowerShell does not show RecommendedAction);
        // scripts read it alone from $_.Exception.Advice.
        return new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), target)
        {
            ErrorDetails = new ErrorDetails(subject is null ? exception.Message : $"{subject}: {exception.Message}"),
        };
    }

    /// <summary>The error for a request not sent because an earlier request of the same command was refused for its credentials.</summary>
    public static ErrorRecord NotSentAfterAuthenticationFailure(string subject, MrsApiException cause, object? target)
    {
        var message = $"{subject} was not sent: an earlier request was refused for authentication ({cause.ErrorCode ?? cause.ErrorId}). Run Connect-MrsProject again, then send it again.";
        return new ErrorRecord(new InvalidOperationException(message, cause), ErrorIds.NotSentAfterAuthenticationFailure, ErrorCategory.AuthenticationError, target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }

    /// <summary>The error when no session exists and none was given.</summary>
    public static ErrorRecord NotConnected() => new(
        new InvalidOperationException(NotConnectedMessage),
        ErrorIds.NotConnected,
        ErrorCategory.InvalidOperation,
        null)
    {
        ErrorDetails = new ErrorDetails(NotConnectedMessage)
        {
            RecommendedAction = "Run Connect-MrsProject -Credential (Get-Credential) -DomainName <account> -Region <region>.",
        },
    };

    /// <summary>The error for a job that broke the documented contract: one record per job, every failure listed.</summary>
    public static ErrorRecord InvalidJob(string subject, IReadOnlyList<ValidationFailure> failures, object? target)
    {
        var lines = failures.Select(f => $"{f.Field}: {f.Message}" + (f.Rule == JobRule.None ? string.Empty : $" [rule {f.RuleName}]"));
        var skippable = failures.Where(f => f.Rule != JobRule.None).Select(f => f.RuleName).Distinct().ToList();
        var message = $"{subject} was not sent: {string.Join(" ", lines)}";
        var record = new ErrorRecord(
            new ArgumentException(message),
            ErrorIds.InvalidJobDefinitionFamily + failures[0].RuleName,
            ErrorCategory.InvalidData,
            target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
        // -SkipCheck is for rules where the service is known to differ from its page (its own examples
        // break the character rules); a bad name or type is simply to be fixed.
        var worthSkipping = JobRule.ArgumentCharacters | JobRule.ArgumentLength | JobRule.PropertyCharacters | JobRule.PropertyLength;
        record.ErrorDetails.RecommendedAction = skippable.Count == failures.Count && failures.All(f => (f.Rule & worthSkipping) != 0)
            ? $"Fix the job, or if the service accepts it although the API page forbids it, add -SkipCheck {string.Join(",", skippable)}."
            : "Fix the job as the message says, then submit it again.";

        return record;
    }

    /// <summary>An id that cannot be one (InvalidJobId, InvalidClusterId): nothing was sent for it.</summary>
    public static ErrorRecord InvalidId(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target) { ErrorDetails = new ErrorDetails(message) };

    /// <summary>An argument the user gave that cannot work (bad endpoint, missing region, …).</summary>
    public static ErrorRecord InvalidArgument(ArgumentException exception, string errorId, object? target) =>
        new(exception, errorId, ErrorCategory.InvalidArgument, target);

    /// <summary>A confirmation the host cannot ask for (non-interactive): <c>MrsConfirmationUnavailable</c>, saying how not to be asked.</summary>
    public static ErrorRecord ConfirmationUnavailable(string command, string target, string action, Exception cause)
    {
        var message = $"{command} needs a confirmation to {action.ToLowerInvariant()} {target}, but this host cannot ask for one (pwsh -NonInteractive, a runbook); nothing was done. Add -Force (or -Confirm:$false) to act without asking.";
        return new ErrorRecord(new InvalidOperationException(message, cause), ErrorIds.ConfirmationUnavailable, ErrorCategory.InvalidOperation, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Run {command} again with -Force, or -Confirm:$false." },
        };
    }

    /// <summary>No cluster id given or bound: <c>MrsClusterIdMissing</c>, saying how to give one. <paramref name="jobId"/> is <c>null</c> for a list.</summary>
    public static ErrorRecord ClusterIdMissing(string command, string? jobId)
    {
        var message = string.IsNullOrEmpty(jobId)
            ? $"{command} needs the id of the cluster whose jobs to list: give -ClusterId <cluster id>."
            : $"{command} needs the id of the cluster that job {jobId} runs on: give -ClusterId <cluster id>, or pipe the job's JobSubmitResult (New-MrsJobExecution) or JobExecution (Get-MrsJobExecution), or CSV rows with a ClusterId or cluster_id column. Nothing was sent for the job.";
        return new ErrorRecord(new ArgumentException(message), ErrorIds.ClusterIdMissing, ErrorCategory.InvalidArgument, jobId)
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }

    /// <summary>An error written as a warning line, <c>[MrsJobFailed] message</c>: after the error that ended a command under -ErrorAction Stop, each further one would end it again.</summary>
    public static string AsWarning(ErrorRecord error) => $"[{IdOf(error)}] {error}";

    /// <summary>An error's id: the part of <c>FullyQualifiedErrorId</c> before the comma (the command's name follows once it is written).</summary>
    public static string IdOf(ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    /// <summary>The message an error shows (its details' message, else its exception's).</summary>
    public static string MessageOf(ErrorRecord error) => error.ErrorDetails?.Message ?? error.Exception.Message;

    /// <summary>The category of each error kind.</summary>
    public static ErrorCategory Category(MrsErrorKind kind) => kind switch
    {
        MrsErrorKind.Authentication => ErrorCategory.AuthenticationError,
        MrsErrorKind.TokenExpired => ErrorCategory.AuthenticationError,
        MrsErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        MrsErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        MrsErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        MrsErrorKind.NotInstalled => ErrorCategory.NotInstalled,
        MrsErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        MrsErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        MrsErrorKind.ServiceError => ErrorCategory.InvalidOperation,
        MrsErrorKind.Connection => ErrorCategory.ConnectionError,
        MrsErrorKind.Timeout => ErrorCategory.OperationTimeout,
        MrsErrorKind.Protocol => ErrorCategory.ProtocolError,
        _ => ErrorCategory.NotSpecified,
    };
}
