using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>/_emulator/faults</c>: queue a one-shot fault, list the pending ones, drop them all.</summary>
internal static class FaultControl
{
    public static IResult List(EmulatorState state) => ControlJson.Ok(state.Faults.GetPending().Select(f => new FaultBody(
        f.ClusterId, f.Count, f.Status, f.ErrorCode, f.ErrorMsg, ShapeName(f.Shape), f.RetryAfterSeconds, OperationName(f.Operation))));

    public static IResult Clear(EmulatorState state)
    {
        state.Faults.Clear();
        return Results.NoContent();
    }

    public static async Task<IResult> AddAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<FaultBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.ErrorCode) || body.Status is not { } status || status < 100 || status > 599)
        {
            return ControlJson.BadRequest("error_code and status (100-599) are required.");
        }

        if (!TryParseShape(body.Shape, out var shape))
        {
            return ControlJson.BadRequest($"Unknown shape '{body.Shape}': use job_submit_result, canonical or apig.");
        }

        if (!TryParseOperation(body.Operation, out var operation))
        {
            return ControlJson.BadRequest($"Unknown operation '{body.Operation}': use submit, show, kill or sql_result.");
        }

        var count = body.Count ?? 1;
        if (count < 1 || body.RetryAfterSeconds < 0)
        {
            return ControlJson.BadRequest("count must be at least 1 and retry_after_seconds at least 0.");
        }

        var fault = new FaultRule(
            string.IsNullOrEmpty(body.ClusterId) ? null : body.ClusterId,
            count,
            status,
            body.ErrorCode,
            body.ErrorMsg ?? $"Injected fault {body.ErrorCode}.",
            shape,
            body.RetryAfterSeconds,
            operation);
        state.Faults.Enqueue(fault);
        return ControlJson.Ok(body with { Count = count, Shape = ShapeName(shape), ErrorMsg = fault.ErrorMsg, Operation = OperationName(operation) }, StatusCodes.Status201Created);
    }

    private static bool TryParseShape(string? text, out FaultShape shape)
    {
        switch (text)
        {
            case null or "" or "job_submit_result":
                shape = FaultShape.JobSubmitResult;
                return true;
            case "canonical":
                shape = FaultShape.Canonical;
                return true;
            case "apig":
                shape = FaultShape.Apig;
                return true;
            default:
                shape = default;
                return false;
        }
    }

    private static bool TryParseOperation(string? text, out FaultOperation operation)
    {
        operation = text switch
        {
            null or "" or "submit" => FaultOperation.Submit,
            "show" => FaultOperation.Show,
            "kill" => FaultOperation.Kill,
            "sql_result" => FaultOperation.SqlResult,
            _ => (FaultOperation)(-1),
        };
        return Enum.IsDefined(typeof(FaultOperation), operation);
    }

    private static string OperationName(FaultOperation operation) => operation switch
    {
        FaultOperation.Show => "show",
        FaultOperation.Kill => "kill",
        FaultOperation.SqlResult => "sql_result",
        _ => "submit",
    };

    private static string ShapeName(FaultShape shape) => shape switch
    {
        FaultShape.Canonical => "canonical",
        FaultShape.Apig => "apig",
        _ => "job_submit_result",
    };
}
