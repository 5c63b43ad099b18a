using System;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>Turns a <see cref="FaultBody"/> into a <see cref="FaultRule"/> and back.</summary>
internal static class FaultRuleText
{
    /// <summary>The rule a body describes; null and <paramref name="error"/> when invalid.</summary>
    public static FaultRule? Parse(FaultBody body, out string? error)
    {
        error = null;
        if (!FaultKinds.TryParse(body.Kind, out var kind))
        {
            error = $"Unknown kind '{body.Kind}': use {string.Join(", ", FaultKinds.All)}.";
        }
        else if (!TryParseShape(body.Shape, out _))
        {
            error = $"Unknown shape '{body.Shape}': use job_submit_result, canonical or apig.";
        }
        else if (!TryParseOperation(body.Operation, out var operation))
        {
            error = $"Unknown operation '{body.Operation}': use submit, show, kill, sql_result or list.";
        }
        else if (kind == FaultKind.Error && (string.IsNullOrEmpty(body.ErrorCode) || body.Status is not (>= 100 and <= 599)))
        {
            error = "error_code and status (100-599) are required for kind error.";
        }
        else if (body.Count < 1 || body.RetryAfterSeconds < 0)
        {
            error = "count must be at least 1 and retry_after_seconds at least 0.";
        }
        else if (operation != FaultOperation.Submit && kind is FaultKind.DropAfterRecord or FaultKind.Html502AfterRecord or FaultKind.TruncatedJsonAfterRecord)
        {
            error = $"Kind {body.Kind} records a job: it is for operation submit only.";
        }
        else if (body.RetryAfterHttpDate == true && body.RetryAfterSeconds is null && kind != FaultKind.Throttle429)
        {
            error = "retry_after_http_date needs retry_after_seconds (or kind throttle_429, whose default is 1).";
        }

        return error is null ? Build(body, kind) : null;
    }

    /// <summary>The body that describes a rule (as queued, or with the firings left as its count).</summary>
    public static FaultBody View(FaultRule rule) => new(
        rule.ClusterId,
        rule.Count,
        rule.Status,
        rule.ErrorCode,
        rule.ErrorMsg,
        ShapeName(rule.Shape),
        rule.RetryAfterSeconds,
        OperationName(rule.Operation),
        FaultKinds.Name(rule.Kind),
        rule.RetryAfterHttpDate);

    private static FaultRule Build(FaultBody body, FaultKind kind)
    {
        TryParseShape(body.Shape, out var shape);
        TryParseOperation(body.Operation, out var operation);
        var clusterId = string.IsNullOrEmpty(body.ClusterId) ? null : body.ClusterId;
        var count = body.Count ?? 1;
        var httpDate = body.RetryAfterHttpDate ?? false;
        return kind == FaultKind.Error
            ? new FaultRule(
                clusterId,
                count,
                body.Status!.Value,
                body.ErrorCode!,
                body.ErrorMsg ?? $"Injected fault {body.ErrorCode}.",
                shape,
                body.RetryAfterSeconds,
                operation,
                kind,
                httpDate)
            : FaultKinds.FixedRule(kind, clusterId, count, operation, body.RetryAfterSeconds, httpDate);
    }

    private static bool TryParseShape(string? text, out FaultShape shape)
    {
        shape = text switch
        {
            null or "" or "job_submit_result" => FaultShape.JobSubmitResult,
            "canonical" => FaultShape.Canonical,
            "apig" => FaultShape.Apig,
            _ => (FaultShape)(-1),
        };
        return Enum.IsDefined(shape);
    }

    private static bool TryParseOperation(string? text, out FaultOperation operation)
    {
        operation = text switch
        {
            null or "" or "submit" => FaultOperation.Submit,
            "show" => FaultOperation.Show,
            "kill" => FaultOperation.Kill,
            "sql_result" => FaultOperation.SqlResult,
            "list" => FaultOperation.List,
            _ => (FaultOperation)(-1),
        };
        return Enum.IsDefined(operation);
    }

    private static string OperationName(FaultOperation operation) => operation switch
    {
        FaultOperation.Show => "show",
        FaultOperation.Kill => "kill",
        FaultOperation.SqlResult => "sql_result",
        FaultOperation.List => "list",
        _ => "submit",
    };

    private static string ShapeName(FaultShape shape) => shape switch
    {
        FaultShape.Canonical => "canonical",
        FaultShape.Apig => "apig",
        _ => "job_submit_result",
    };
}
