using System.Collections.Generic;

namespace MrsJobs.Emulator.Mrs;

/// <summary>A submission body that passed <see cref="JobSubmissionRules"/>.</summary>
internal sealed record JobSubmission(
    string JobType,
    string JobName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Properties);
