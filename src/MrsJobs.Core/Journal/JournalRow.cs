using System;

namespace MrsJobs.Core.Journal;

/// <summary>
/// What earlier runs recorded for one input row: the latest attempt's intent time (null when the row was never sent,
/// e.g. it was invalid) and its outcome (null when the run stopped between sending and recording the answer).
/// </summary>
/// <param name="Row">The input row number, from 1.</param>
/// <param name="DefinitionHash">The hash of the job recorded for the row (see <see cref="JobDefinitionHash"/>).</param>
/// <param name="IntentAt">When the latest attempt was about to be sent; null when no attempt was recorded.</param>
/// <param name="Outcome">The latest attempt's outcome; null when none was recorded after its intent.</param>
internal sealed record JournalRow(int Row, string DefinitionHash, DateTimeOffset? IntentAt, JournalOutcome? Outcome);
