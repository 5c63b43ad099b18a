using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// The one road every request takes: renew credentials when due, send (<see cref="HttpExchange"/>),
/// classify the answer once (<see cref="ResponseClassifier"/>) and retry what the session's
/// <see cref="RetryPolicy"/> allows, waiting on the session's clock. A session builds one and keeps it;
/// each call brings only its <see cref="CallContext"/>. Disposing it ends its lease on the pooled client.
/// </summary>
internal sealed class MrsHttpPipeline : IDisposable
{
    /// <summary>The <c>Content-Type</c> the API documents.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The <c>Content-Type</c> of MRS calls without a body: exactly what the Go SDK sends (Huawei's signers then hash the empty payload).</summary>
    public const string BodylessJsonContentType = "application/json";

    /// <summary>How long one request may take unless the session says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    private readonly IRequestAuthenticator? _authenticator;
    private readonly HttpExchange _exchange;
    private readonly TimeProvider _clock;
    private readonly HttpClientLease? _lease;
    private readonly Random _jitter = new();
    private long _serverClockOffsetTicks = long.MinValue;

    /// <summary>Creates a pipeline over the process's pooled client for <paramref name="proxy"/>.</summary>
    /// <param name="authenticator">Adds credentials; <c>null</c> for unauthenticated calls (IAM sign-in).</param>
    /// <param name="userAgent">The <c>User-Agent</c> header.</param>
    /// <param name="timeout">How long one request may take; 100 seconds when not given.</param>
    /// <param name="retry">What is retried and how; <see cref="RetryPolicy.Default"/> when not given.</param>
    /// <param name="clock">Every clock read and wait; the system clock when not given.</param>
    /// <param name="proxy">Which proxy the requests go through; the system's settings when not given.</param>
    public MrsHttpPipeline(IRequestAuthenticator? authenticator, string userAgent, TimeSpan? timeout = null, RetryPolicy? retry = null, TimeProvider? clock = null, ProxyConfiguration? proxy = null)
        : this(HttpClientPool.Acquire(proxy ?? ProxyConfiguration.System), authenticator, userAgent, timeout, retry, clock, proxy)
    {
    }

    private MrsHttpPipeline(HttpClientLease lease, IRequestAuthenticator? authenticator, string userAgent, TimeSpan? timeout, RetryPolicy? retry, TimeProvider? clock, ProxyConfiguration? proxy)
        : this(lease.Client, authenticator, userAgent, timeout, retry, clock, proxy)
    {
        _lease = lease;
    }

    internal MrsHttpPipeline(HttpClient client, IRequestAuthenticator? authenticator, string userAgent, TimeSpan? timeout, RetryPolicy? retry, TimeProvider? clock, ProxyConfiguration? proxy = null)
    {
        _authenticator = authenticator;
        _clock = clock ?? TimeProvider.System;
        Timeout = timeout ?? DefaultTimeout;
        Retry = retry ?? RetryPolicy.Default;
        UserAgent = userAgent;
        _exchange = new HttpExchange(client, authenticator, userAgent, Timeout, _clock, proxy);
    }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>What is retried and how.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>The clock of every wait and expiry check.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>
    /// How far the service's clock is ahead of ours (negative when behind), from the <c>Date</c> header of
    /// the latest answer that had one (1 s resolution); <c>null</c> until one arrived.
    /// </summary>
    internal TimeSpan? ServerClockOffset
    {
        get
        {
            var ticks = Interlocked.Read(ref _serverClockOffsetTicks);
            return ticks == long.MinValue ? null : TimeSpan.FromTicks(ticks);
        }
    }

    internal string UserAgent { get; }

    /// <summary>Ends this pipeline's lease on the pooled client (when it has one); it sends nothing afterwards.</summary>
    public void Dispose() => _lease?.Dispose();

    /// <summary>
    /// Sends <paramref name="request"/> until it succeeds or the policy says stop, and returns the last
    /// answer with its <see cref="ApiResponse.Classification"/>. A failure without an answer (no
    /// connection, broken connection, timeout) is thrown once retries are spent.
    /// </summary>
    /// <exception cref="MrsApiException">No answer arrived, and the request may not (or may no longer) be retried.</exception>
    internal async Task<ApiResponse> SendAsync(ApiRequest request, CallContext context)
    {
        var policy = context.Retry ?? Retry;
        var waited = TimeSpan.Zero;
        var lostBefore = false;
        for (var retry = 1; ; retry++)
        {
            ApiResponse? response = null;
            MrsApiException? failure = null;
            try
            {
                response = await SendAuthenticatedAsync(request, context).ConfigureAwait(false);
                response.Classification = ResponseClassifier.Classify(response, request.ExpectsBody);
                response.FollowsLostAnswer = lostBefore;
                // The service's clock, from its own answers only (a proxy's error page may carry another clock).
                if (response.ServerDate is { } serverDate && response.RequestId is not null)
                {
                    Interlocked.Exchange(ref _serverClockOffsetTicks, (serverDate - _clock.GetUtcNow()).Ticks);
                }

                if (response.Classification.IsSuccess)
                {
                    return response;
                }
            }
            catch (MrsApiException ex) when (ex.Kind is MrsErrorKind.Connection or MrsErrorKind.Timeout)
            {
                failure = ex;
            }

            var outcome = response?.Classification.Failure ?? failure!.Outcome;
            var delay = policy.DelayBefore(retry, response?.Classification.RetryAfter, NextRandom());
            if (!RetryPolicy.MayRetry(request.Kind, outcome) || retry > policy.MaxRetries || waited + delay > policy.TotalTime)
            {
                return response ?? throw failure!;
            }

            lostBefore |= outcome == RequestOutcome.Unknown;
            context.Trace.Verbose($"{request.Describe()}: {Reason(response, failure)}; waiting {delay.TotalSeconds:0.0} s before retry {retry} of {policy.MaxRetries}.");
            try
            {
                await _clock.Delay(delay, context.Cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                throw new BackOffCancelledException(outcome, context.Cancellation);
            }

            waited += delay;
        }
    }

    /// <summary>Sends one request of any kind and returns the answer whatever its status (IAM calls read their own refusals).</summary>
    /// <exception cref="MrsApiException">No answer arrived.</exception>
    internal Task<ApiResponse> SendAsync(HttpMethod method, Uri uri, string? jsonBody, CallContext context, RequestKind kind = RequestKind.Read) =>
        SendAsync(new ApiRequest(method, uri, jsonBody, kind), context);

    private double NextRandom()
    {
        lock (_jitter)
        {
            return _jitter.NextDouble();
        }
    }

    private static string Reason(ApiResponse? response, MrsApiException? failure)
    {
        if (response is null)
        {
            return failure!.Outcome == RequestOutcome.NotSent ? "not sent (" + failure.Summary + ")" : failure.Summary;
        }

        var classification = response.Classification;
        var code = classification.Error.ErrorCode is { Length: > 0 } c ? " " + c : string.Empty;
        var after = classification.RetryAfter is { } wait ? $", Retry-After {wait.TotalSeconds:0.#} s" : string.Empty;
        return classification.Failure == RequestOutcome.Throttled
            ? $"throttled (HTTP {(int)response.StatusCode}{code}{after})"
            : $"no usable answer (HTTP {(int)response.StatusCode}{code})";
    }

    // Renewal before expiry, and once more after a 401 refusing the token: the gateway refused the
    // request before the service saw it (docs/mrs-api.md: APIGW.0301 "re-authenticate once", APIGW.0307
    // "refresh and retry once"), so sending it again never repeats work.
    private async Task<ApiResponse> SendAuthenticatedAsync(ApiRequest request, CallContext context)
    {
        var auth = _authenticator;
        var renewal = context.WithoutBeforeAttempt();   // renewing is not an attempt of this request
        if (auth is { CanRenew: true } && auth.ShouldRenew(_clock.GetUtcNow()))
        {
            await BeforeSendingAsync(() => RenewEarlyAsync(auth, renewal), request).ConfigureAwait(false);
        }

        var generation = auth?.Generation ?? 0;
        context.BeforeAttempt?.Invoke();
        var response = await _exchange.SendAsync(request, context).ConfigureAwait(false);
        if (auth is { CanRenew: true } && RefusesTheToken(response))
        {
            context.Trace.Verbose($"{request.Describe()} was refused for its token; signing in again and sending once more.");
            await BeforeSendingAsync(() => auth.RenewAsync(generation, renewal, UserAgent), request).ConfigureAwait(false);
            context.BeforeAttempt?.Invoke();
            response = await _exchange.SendAsync(request, context).ConfigureAwait(false);
        }

        return response;
    }

    // A step before the request goes out (renewing the token): whatever goes wrong there, the request
    // itself was not sent. An IAM that cannot be reached is not a lost answer of the MRS request.
    private static async Task BeforeSendingAsync(Func<Task> step, ApiRequest request)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (ex.Outcome != RequestOutcome.NotSent)
        {
            throw new MrsApiException(
                $"{request.Describe()} was not sent: the token could not be renewed first. {ex.Summary}",
                ex.Kind, ex.StatusCode, ex.ErrorCode, ex.ServiceMessage, ex.RequestId, ex.Advice, ex, ex.ErrorId, RequestOutcome.NotSent);
        }
        catch (ObjectDisposedException ex)
        {
            throw DisconnectedSession.Error(ex);
        }
    }

    // Renewing before expiry is a courtesy: if IAM cannot answer now (down, slow, throttling) while the
    // current token is still valid, the request goes with it. A refusal of the credentials is not hidden.
    private async Task RenewEarlyAsync(IRequestAuthenticator auth, CallContext context)
    {
        try
        {
            await auth.RenewAsync(auth.Generation, context, UserAgent).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (ex.Kind is not (MrsErrorKind.Authentication or MrsErrorKind.TokenExpired)
            && auth.ExpiresAt is { } expiry && _clock.GetUtcNow() < expiry)
        {
            context.Trace.Verbose($"Could not renew the token yet ({ex.Summary}); using the current one, which expires {expiry:u}.");
        }
    }

    private static bool RefusesTheToken(ApiResponse response)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        var classification = ResponseClassifier.Classify(response, null);
        return classification.Kind is MrsErrorKind.TokenExpired or MrsErrorKind.Authentication;
    }
}
