using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// The one road every request takes: build, authenticate, trace (redacted), send over the shared
/// <see cref="HttpClient"/> with a per-request timeout, read the answer. Signing and token renewal
/// plug in here (through <see cref="IRequestAuthenticator"/>), not in the clients.
/// </summary>
public sealed class MrsHttpPipeline
{
    /// <summary>The <c>Content-Type</c> the API documents.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    private readonly HttpClient _client;
    private readonly IRequestAuthenticator? _authenticator;
    private readonly IHttpTraceSink _trace;
    private readonly string _userAgent;

    /// <summary>Creates a pipeline over the shared client.</summary>
    /// <param name="authenticator">Adds credentials; <c>null</c> for unauthenticated calls (IAM sign-in).</param>
    /// <param name="trace">Receives redacted trace lines.</param>
    /// <param name="userAgent">The <c>User-Agent</c> header.</param>
    /// <param name="timeout">How long one request may take; 100 seconds when not given.</param>
    public MrsHttpPipeline(IRequestAuthenticator? authenticator, IHttpTraceSink? trace, string userAgent, TimeSpan? timeout = null)
        : this(SharedHttpClient.Instance, authenticator, trace, userAgent, timeout)
    {
    }

    internal MrsHttpPipeline(HttpClient client, IRequestAuthenticator? authenticator, IHttpTraceSink? trace, string userAgent, TimeSpan? timeout)
    {
        _client = client;
        _authenticator = authenticator;
        _trace = trace ?? NullTraceSink.Instance;
        _userAgent = userAgent;
        Timeout = timeout ?? TimeSpan.FromSeconds(100);
    }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Sends one request and returns the answer, whatever its status. Credentials close to expiry are
    /// renewed first; an answer saying the token expired makes a renewable session renew and send once
    /// more (the gateway refused the request before the service saw it, so this never repeats work).
    /// </summary>
    /// <exception cref="MrsApiException">The endpoint could not be reached or did not answer in time.</exception>
    public async Task<ApiResponse> SendAsync(HttpMethod method, Uri uri, string? jsonBody, CancellationToken cancellationToken)
    {
        try
        {
            var auth = _authenticator;
            if (auth is { CanRenew: true } && auth.ShouldRenew(DateTimeOffset.UtcNow))
            {
                await RenewEarlyAsync(auth, cancellationToken).ConfigureAwait(false);
            }

            var generation = auth?.Generation ?? 0;
            var response = await SendOnceAsync(method, uri, jsonBody, cancellationToken).ConfigureAwait(false);
            if (auth is { CanRenew: true } && RefusesTheToken(response))
            {
                _trace.Verbose($"{method} {uri.GetLeftPart(UriPartial.Path)} was refused for its token; signing in again and sending once more.");
                await auth.RenewAsync(generation, _trace, _userAgent, cancellationToken).ConfigureAwait(false);
                response = await SendOnceAsync(method, uri, jsonBody, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch (ObjectDisposedException ex) when (_authenticator is not null)
        {
            // Disconnect-MrsProject dropped the session's secrets while this request (of another runspace) was on its way.
            throw new MrsApiException(
                "This session was disconnected (Disconnect-MrsProject) and has forgotten its credentials. Run Connect-MrsProject again.",
                MrsErrorKind.Authentication,
                innerException: ex,
                errorId: "MrsSessionDisconnected");
        }
    }

    // Renewing before expiry is a courtesy: if IAM cannot answer now (down, slow, throttling) while the
    // current token is still valid, the request goes with it. A refusal of the credentials is not hidden.
    private async Task RenewEarlyAsync(IRequestAuthenticator auth, CancellationToken cancellationToken)
    {
        try
        {
            await auth.RenewAsync(auth.Generation, _trace, _userAgent, cancellationToken).ConfigureAwait(false);
        }
        catch (MrsApiException ex) when (ex.Kind is not (MrsErrorKind.Authentication or MrsErrorKind.TokenExpired)
            && auth.ExpiresAt is { } expiry && DateTimeOffset.UtcNow < expiry)
        {
            _trace.Verbose($"Could not renew the token yet ({ex.Summary}); using the current one, which expires {expiry:u}.");
        }
    }

    // docs/mrs-api.md: APIGW.0301 (bad or expired token) — "re-authenticate once if it holds credentials";
    // APIGW.0307 (token expired) — "refresh and retry once". Both come as 401 from the gateway, before the
    // service sees the request, so sending it again never repeats work.
    private static bool RefusesTheToken(ApiResponse response)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        var error = ApiErrorParser.Parse(response.Body);
        return MrsErrorCatalog.Describe(error.ErrorCode, response.StatusCode, error.Message).Kind is MrsErrorKind.TokenExpired or MrsErrorKind.Authentication;
    }

    private async Task<ApiResponse> SendOnceAsync(HttpMethod method, Uri uri, string? jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.ParseAdd(_userAgent);
        request.Headers.ExpectContinue = false;   // .NET Framework would wait for "100 Continue" on every POST
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, new UTF8Encoding(false));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonContentType);
        }

        if (_authenticator is not null)
        {
            await _authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        }

        _trace.Verbose($"{method} {uri}");
        if (_trace.IsDebugEnabled)
        {
            _trace.Debug(HttpTraceFormatter.Request(request, jsonBody));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            clock.Stop();
            _trace.Verbose($"{method} {uri} answered {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms");
            if (_trace.IsDebugEnabled)
            {
                _trace.Debug(HttpTraceFormatter.Response(response, body, clock.Elapsed));
            }

            return new ApiResponse(response.StatusCode, body, FirstHeader(response, "X-Request-Id"), FirstHeader(response, "X-Subject-Token"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MrsApiException(
                $"{method} {uri.GetLeftPart(UriPartial.Path)} did not answer within {Timeout.TotalSeconds:0} seconds.",
                MrsErrorKind.Timeout);
        }
        catch (HttpRequestException ex)
        {
            throw new MrsApiException(
                $"Cannot reach {uri.GetLeftPart(UriPartial.Authority)}: {Innermost(ex).Message}",
                MrsErrorKind.Connection,
                innerException: ex);
        }
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
