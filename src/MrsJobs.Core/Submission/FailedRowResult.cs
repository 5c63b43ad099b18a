using MrsJobs.Core.Models;
using MrsJobs.Core.Security;

namespace MrsJobs.Core.Submission;

/// <summary>
/// The result New-MrsJobExecution -IncludeFailed writes for a row that became no job, besides its error,
/// so that one CSV has a line for every input row: no job id, the row's job as far as it was read (secrets
/// hidden), why it became no job (<see cref="JobSubmitResult.Origin"/>) and the error written for it.
/// </summary>
internal static class FailedRowResult
{
    /// <summary>Why a row of this outcome became no job; <c>null</c> when it has a job, or was abandoned (nothing can be written then).</summary>
    public static SubmissionOrigin? OriginOf(SubmissionOutcomeKind kind) => kind switch
    {
        SubmissionOutcomeKind.Invalid => SubmissionOrigin.Invalid,
        SubmissionOutcomeKind.Refused => SubmissionOrigin.Refused,
        SubmissionOutcomeKind.NotSentAfterAuthenticationFailure => SubmissionOrigin.NotSent,
        SubmissionOutcomeKind.NotSentAfterJournalFailure => SubmissionOrigin.NotSent,
        SubmissionOutcomeKind.Unknown => SubmissionOrigin.Unknown,
        _ => null,
    };

    /// <summary>The result for <paramref name="outcome"/>, carrying the error written for it; <c>null</c> when the row has a job or was abandoned.</summary>
    public static JobSubmitResult? For(SubmissionOutcome outcome, string projectId, string errorId, string error)
    {
        if (OriginOf(outcome.Kind) is not { } origin)
        {
            return null;
        }

        var row = outcome.Row;
        var result = outcome.Result?.For(row.Number, origin)
            ?? (row.Job is { } job ? new JobSubmitResult(job, null, string.Empty, projectId, null).For(row.Number, origin) : FromInput(row, origin, projectId));
        result.ErrorId = errorId;
        result.Error = error;
        return result;
    }

    // An invalid row: what was read of it, as typed.
    private static JobSubmitResult FromInput(SubmissionRow row, SubmissionOrigin origin, string projectId)
    {
        var input = row.Input;
        return new JobSubmitResult(null, string.Empty, input?.JobName ?? string.Empty, input?.JobType ?? string.Empty, input?.ClusterId ?? string.Empty, projectId, default, row: row.Number, origin: origin)
        {
            SubmittedAt = null,
            Arguments = ShownDefinition.Arguments(input?.Arguments),
            Properties = ShownDefinition.InputProperties(input?.Properties),
        };
    }
}
