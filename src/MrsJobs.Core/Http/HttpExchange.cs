using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// One exchange over the session's pooled <see cref="HttpClient"/>: build the message, authenticate it, trace
/// it (redacted), send it with a timeout and read the answer. A failed exchange becomes an
/// <see cref="MrsApiException"/> whose <see cref="MrsApiException.Outcome"/> says whether the request may have
/// arrived, naming the proxy when the request went through one.
/// </summary>
internal sealed class HttpExchange
{
    private readonly HttpClient _client;
    private readonly IRequestAuthenticator? _authenticator;
    private readonly string _userAgent;
    private readonly TimeProvider _clock;
    private readonly ProxyConfiguration _proxy;

    public HttpExchange(HttpClient client, IRequestAuthenticator? authenticator, string userAgent, TimeSpan timeout, TimeProvider clock, ProxyConfiguration? proxy = null)
    {
        _clock = clock;
        _proxy = proxy ?? ProxyConfiguration.System;
        _client = client;
        _authenticator = authenticator;
        _userAgent = userAgent;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public async Task<ApiResponse> SendAsync(ApiRequest apiRequest, CallContext context)
    {
        var (method, uri, jsonBody) = (apiRequest.Method, apiRequest.Uri, apiRequest.JsonBody);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.ParseAdd(_userAgent);
        request.Headers.ExpectContinue = false;   // .NET Framework would wait for "100 Continue" on every POST
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, new UTF8Encoding(false));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MrsHttpPipeline.JsonContentType);
        }
        else if (apiRequest.JsonContentTypeWithoutBody && SharedHttpClient.CanSendEmptyContent(method))
        {
            // Content-Type is a content header in .NET: an empty body carries it.
            request.Content = new ByteArrayContent(Array.Empty<byte>());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MrsHttpPipeline.BodylessJsonContentType);
        }

        if (_authenticator is not null)
        {
            try
            {
                await _authenticator.AuthenticateAsync(request, context.Cancellation).ConfigureAwait(false);
            }
            catch (ObjectDisposedException ex)
            {
                // Disconnect-MrsProject dropped the session's secrets while this request (of another runspace) was on its way.
                throw DisconnectedSession.Error(ex);
            }
        }

        var trace = context.Trace;
        var via = ProxyFailures.Via(_proxy.ProxyFor(uri));
        trace.Verbose($"{method} {uri}{via}");
        if (trace.IsDebugEnabled)
        {
            trace.Debug(HttpTraceFormatter.Request(request, jsonBody));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            if (ProxyFailures.IsAuthenticationRequired(response.StatusCode))
            {
                throw ProxyFailures.AuthenticationRequired(apiRequest, _proxy.ProxyFor(uri), _proxy, null);
            }

            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            clock.Stop();
            trace.Verbose($"{method} {uri} answered {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms");
            if (trace.IsDebugEnabled)
            {
                trace.Debug(HttpTraceFormatter.Response(response, body, clock.Elapsed));
            }

            return new ApiResponse(response.StatusCode, body, FirstHeader(response, "X-Request-Id"), FirstHeader(response, "X-Subject-Token"), RetryAfter(response, _clock))
            {
                ServerDate = response.Headers.Date,
            };
        }
        catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested)
        {
            throw new MrsApiException(
                $"{apiRequest.Describe()}{via} did not answer within {Timeout.TotalSeconds:0} seconds.",
                MrsErrorKind.Timeout,
                outcome: RequestOutcome.Unknown);
        }
        catch (Exception ex) when ((ex is HttpRequestException or System.IO.IOException) && ProxyFailures.IsAuthenticationRequired(ex))
        {
            throw ProxyFailures.AuthenticationRequired(apiRequest, _proxy.ProxyFor(uri), _proxy, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.IO.IOException)
        {
            var outcome = ResponseClassifier.ClassifyTransportFailure(ex);
            var what = outcome == RequestOutcome.NotSent ? "Cannot reach" : "The connection broke while talking to";
            var detail = ProxyFailures.TunnelRefusal(ex, uri) ?? ProxyFailures.WithoutUserInfo(ex.GetBaseException().Message);
            throw new MrsApiException(
                $"{what} {uri.GetLeftPart(UriPartial.Authority)}{via}: {detail}",
                MrsErrorKind.Connection,
                innerException: ex,
                outcome: outcome);
        }
        catch (ObjectDisposedException ex) when (!context.Cancellation.IsCancellationRequested)
        {
            // Disconnect-MrsProject ended the session's pooled client (it held a proxy password) while this request was on its way.
            throw DisconnectedSession.Error(ex);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var serverNow = response.Headers.Date ?? clock.GetUtcNow();
            var wait = date - serverNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
