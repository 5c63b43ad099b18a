using System;

namespace MrsJobs.Core.Journal;

/// <summary>What became of a row. <paramref name="Message"/> comes from the caller and must already be free of secrets.</summary>
/// <param name="Kind">What became of the row.</param>
/// <param name="JobId">The job id the service gave, when it gave one.</param>
/// <param name="State">The submit state the service gave, when it gave one.</param>
/// <param name="At">When the outcome was known.</param>
/// <param name="ErrorCode">The service's or the client's error code, for outcomes other than accepted.</param>
/// <param name="Message">A secret-free explanation.</param>
/// <param name="ProjectId">The project the job was sent to.</param>
internal sealed record JournalOutcome(
    JournalOutcomeKind Kind,
    string? JobId = null,
    string? State = null,
    DateTimeOffset? At = null,
    string? ErrorCode = null,
    string? Message = null,
    string? ProjectId = null);
