using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Mrs;

/// <summary>
/// Middleware around every MRS request (<c>/v2/…</c>): counts it in flight (<see cref="EmulatorStats"/>, lock-free),
/// counts submissions (endpoints marked with <see cref="Submission"/>), and waits the <c>latency_ms</c> setting before
/// handing it on. The wait is <see cref="Task.Delay(TimeSpan, System.Threading.CancellationToken)"/> on the request's
/// abort token: real time, no thread held, so many slow requests can be in flight at once.
/// </summary>
internal static class MrsTraffic
{
    /// <summary>Endpoint metadata of the submission route, so it is counted before authentication can refuse it.</summary>
    public static readonly object Submission = new SubmissionMarker();

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var state = (EmulatorState)context.RequestServices.GetService(typeof(EmulatorState))!;
        if (context.GetEndpoint()?.Metadata.GetMetadata<SubmissionMarker>() is not null)
        {
            state.Stats.SubmissionReceived();
        }

        state.Stats.RequestStarted();
        try
        {
            var latency = state.Settings.LatencyMs;
            if (latency > 0)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while waiting; there is no one to answer.
        }
        finally
        {
            state.Stats.RequestEnded();
        }
    }

    private sealed class SubmissionMarker
    {
    }
}
