using System.Globalization;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// Injected faults at the fault stage of an MRS request: which one fires (a queued fault first, else for
/// submissions a draw of the fault mix), and what it answers (error body, gateway throttle, HTML page,
/// cut-off JSON or a dropped connection). Every fault that fires is counted in <see cref="EmulatorState.Stats"/>.
/// </summary>
internal static class FaultAnswers
{
    /// <summary>What an nginx-fronted gateway answers when its upstream fails.</summary>
    private const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
        + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>
    /// The fault this request meets: the oldest queued one for the cluster and operation, else (submissions only)
    /// one drawn from the fault mix; <see langword="null"/> to proceed normally.
    /// </summary>
    public static FaultRule? Take(EmulatorState state, string clusterId, FaultOperation operation)
    {
        var fault = state.Faults.TryTake(clusterId, operation)
            ?? (operation == FaultOperation.Submit ? state.FaultMix.Draw() : null);
        if (fault is not null)
        {
            state.Stats.FaultFired(fault.StatsName);
        }

        return fault;
    }

    /// <summary>
    /// The answer of a fault. For the kinds that record the job (<see cref="FaultRule.RecordsJob"/>) the caller
    /// stores the job first and passes the success body it would have sent; the truncated-JSON kind cuts it in half.
    /// </summary>
    public static IResult Answer(HttpContext context, EmulatorState state, FaultRule fault, string successJson = "{}") => fault.Kind switch
    {
        FaultKind.DropBeforeRecord or FaultKind.DropAfterRecord => AbortReply.Instance,
        FaultKind.Html502AfterRecord => new RawReply(StatusCodes.Status502BadGateway, "text/html", BadGatewayPage),
        FaultKind.TruncatedJsonAfterRecord => new RawReply(
            StatusCodes.Status200OK, "application/json;charset=UTF-8", successJson[..(successJson.Length / 2)]),
        _ => ErrorReply(context, state.Time, fault),
    };

    /// <summary>The error body in the fault's shape, with <c>Retry-After</c> (seconds, or an HTTP date) when asked.</summary>
    private static JsonReply ErrorReply(HttpContext context, System.TimeProvider time, FaultRule fault)
    {
        var reply = fault.Shape switch
        {
            FaultShape.Canonical => GatewayErrors.Canonical(fault.Status, fault.ErrorCode, fault.ErrorMsg),
            FaultShape.Apig => GatewayErrors.Apig(context, fault.Status, fault.ErrorCode, fault.ErrorMsg),
            _ => MrsErrors.SubmitRefused(fault.ErrorCode, fault.ErrorMsg, fault.Status),
        };
        if (fault.RetryAfterSeconds is not { } seconds)
        {
            return reply;
        }

        var value = fault.RetryAfterHttpDate
            ? time.GetUtcNow().AddSeconds(seconds).ToString("r", CultureInfo.InvariantCulture)
            : seconds.ToString(CultureInfo.InvariantCulture);
        return reply.WithHeader("Retry-After", value);
    }
}
