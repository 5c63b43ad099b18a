using System;
using System.Text.Json;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>Turns a <see cref="JobPlanBody"/> into a <see cref="JobPlan"/> and back.</summary>
internal static class JobPlanText
{
    private const double MaxMs = 86_400_000;

    /// <summary>The plan a body describes, members left out taken from <paramref name="fallback"/>; null and <paramref name="error"/> when invalid.</summary>
    public static JobPlan? Parse(JobPlanBody body, string jobName, JobPlan fallback, out string? error)
    {
        error = Duration("new_ms", body.NewMs) ?? Duration("accepted_ms", body.AcceptedMs) ?? Duration("running_ms", body.RunningMs);
        var result = (body.Result ?? ResultOf(fallback.Outcome)).ToUpperInvariant();
        var finalState = (body.FinalState ?? (body.Result is null ? FinalStateOf(fallback.Outcome) : "FINISHED")).ToUpperInvariant();
        JobOutcome? outcome = (result, finalState) switch
        {
            ("SUCCEEDED", "FINISHED") => JobOutcome.Succeeded,
            ("FAILED", "FINISHED") => JobOutcome.FinishedFailed,
            ("FAILED", "FAILED") => JobOutcome.Failed,
            _ => null,
        };
        error ??= outcome is null
            ? "result must be SUCCEEDED or FAILED and final_state FINISHED or FAILED (FAILED only with result FAILED)."
            : null;
        error ??= body.SqlResults is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) }
            ? "sql_results must be a JSON object such as {\"0\":[{\"col\":\"value\"}]}."
            : null;
        if (error is not null)
        {
            return null;
        }

        return new JobPlan(
            jobName,
            Ms(body.NewMs, fallback.NewDuration),
            Ms(body.AcceptedMs, fallback.AcceptedDuration),
            Ms(body.RunningMs, fallback.RunningDuration),
            outcome!.Value,
            body.SqlResults is { ValueKind: JsonValueKind.Object } rows ? rows.GetRawText() : fallback.SqlResultsJson);
    }

    public static JobPlanBody View(JobPlan plan) => new(
        plan.JobName,
        plan.NewDuration.TotalMilliseconds,
        plan.AcceptedDuration.TotalMilliseconds,
        plan.RunningDuration.TotalMilliseconds,
        ResultOf(plan.Outcome),
        FinalStateOf(plan.Outcome),
        plan.SqlResultsJson is null ? null : JsonDocument.Parse(plan.SqlResultsJson).RootElement.Clone());

    private static string? Duration(string name, double? ms) =>
        ms is null or (>= 0 and <= MaxMs) ? null : $"{name} must be from 0 to {MaxMs} (one day).";

    private static TimeSpan Ms(double? ms, TimeSpan fallback) => ms is { } value ? TimeSpan.FromMilliseconds(value) : fallback;

    private static string ResultOf(JobOutcome outcome) => outcome == JobOutcome.Succeeded ? "SUCCEEDED" : "FAILED";

    private static string FinalStateOf(JobOutcome outcome) => outcome == JobOutcome.Failed ? "FAILED" : "FINISHED";
}
