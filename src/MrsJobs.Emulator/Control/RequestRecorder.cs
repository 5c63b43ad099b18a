using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary>
/// Middleware that records every request outside <c>/_emulator</c> into <see cref="EmulatorState.Requests"/>,
/// in arrival order, with the status it was answered with (0 when the connection was dropped without an answer).
/// </summary>
internal static class RequestRecorder
{
    public static async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(ControlRoutes.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var state = context.RequestServices.GetService(typeof(EmulatorState)) as EmulatorState
            ?? throw new InvalidOperationException("EmulatorState is not registered.");
        var body = await RequestText.ReadBodyAsync(request).ConfigureAwait(false);
        var record = new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : string.Empty,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            state.Time.GetUtcNow());
        state.Requests.Add(record);
        try
        {
            await next(context).ConfigureAwait(false);
            record.Status = AbortReply.Dropped(context) ? 0 : context.Response.StatusCode;
        }
        catch
        {
            record.Status = StatusCodes.Status500InternalServerError;
            throw;
        }
    }
}
