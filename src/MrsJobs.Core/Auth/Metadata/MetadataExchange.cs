using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>
/// One request to the instance metadata service, with the SDKs' 3-second timeout (Go
/// <c>metadata_accessor.go</c> <c>http.Client{Timeout: 3 * time.Second}</c>, Python <c>Metadata.TIME_OUT = 3</c>),
/// traced like every other call: the method, URL and status for -Verbose; redacted headers for -Debug, and the
/// body only when it holds no keys.
/// </summary>
internal sealed class MetadataExchange
{
    /// <summary>How long one request may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private const string UnavailableAdvice =
        "Temporary keys come from the metadata service of a Huawei Cloud ECS or BMS; elsewhere connect with an access key, a password or ID-token federation ("
        + Credentials.CredentialVariables.MetadataEndpoint + " names another metadata service).";

    private readonly HttpClient _client;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the exchange over <paramref name="client"/> (the metadata connection unless a test gives another).</summary>
    public MetadataExchange(Uri endpoint, string userAgent, HttpClient? client = null, TimeSpan? timeout = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _userAgent = userAgent;
        _client = client ?? MetadataHttp.Instance;
        _timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>The service's base URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>The service, as messages name it.</summary>
    public string Display => Urls.Shown(Endpoint);

    /// <summary>Sends one request and returns the status and body, whatever the status.</summary>
    /// <param name="method">GET, or PUT for the session token.</param>
    /// <param name="path">The path under the endpoint.</param>
    /// <param name="headers">Headers to add (the session token, its lifetime).</param>
    /// <param name="bodyHoldsKeys">The answer carries keys: its body is never traced.</param>
    /// <param name="context">Trace and cancellation.</param>
    /// <exception cref="MetadataServiceException">No answer within the timeout, or no connection.</exception>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, (string Name, string Value)[] headers, bool bodyHoldsKeys, CallContext context)
    {
        var uri = new Uri(Endpoint, path);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.ParseAdd(_userAgent);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var trace = context.Trace;
        trace.Verbose($"{method} {uri}");
        if (trace.IsDebugEnabled)
        {
            trace.Debug(HttpTraceFormatter.Request(request, null));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        timeout.CancelAfter(_timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            trace.Verbose($"{method} {uri} answered {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms");
            if (trace.IsDebugEnabled)
            {
                var shown = HttpTraceFormatter.Response(response, bodyHoldsKeys ? string.Empty : body, clock.Elapsed);
                trace.Debug(bodyHoldsKeys && body.Length > 0 ? $"{shown}{Environment.NewLine}<{body.Length} characters holding temporary keys, not shown>" : shown);
            }

            return (response.StatusCode, body);
        }
        catch (OperationCanceledException ex) when (!context.Cancellation.IsCancellationRequested)
        {
            var reason = $"no answer within {_timeout.TotalSeconds:0.#} s";
            throw new MetadataServiceException($"The instance metadata service at {Display} gave {reason}.", reason, MrsErrorKind.Timeout, ErrorIds.MetadataUnavailable, advice: UnavailableAdvice, innerException: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.IO.IOException)
        {
            var reason = "cannot connect: " + ex.GetBaseException().Message.TrimEnd('.');
            throw new MetadataServiceException($"The instance metadata service at {Display} could not be reached ({reason}).", reason, MrsErrorKind.Connection, ErrorIds.MetadataUnavailable, advice: UnavailableAdvice, innerException: ex);
        }
    }
}
