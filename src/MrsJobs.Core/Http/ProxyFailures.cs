using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using MrsJobs.Core.Errors;

namespace MrsJobs.Core.Http;

/// <summary>
/// How failures on the way through a proxy are recognized and worded: the proxy is named (scheme, host and
/// port: never credentials) only when one was used, and a 407 gets its own error, never retried.
/// </summary>
internal static class ProxyFailures
{
    private const int ProxyAuthenticationRequiredStatus = 407;
    private static readonly Regex UserInfo = new(@"(?<=://)[^/@\s'""]+@", RegexOptions.CultureInvariant);

    /// <summary><c>" through the proxy http://proxy:3128/"</c>, or nothing when the request went direct.</summary>
    public static string Via(Uri? proxy) => proxy is null ? string.Empty : $" through the proxy {ProxyConfiguration.Display(proxy)}";

    /// <summary><paramref name="text"/> without the user information of any URL in it (a proxy URL from the environment may carry a password).</summary>
    public static string WithoutUserInfo(string text) => UserInfo.Replace(text, string.Empty);

    /// <summary>
    /// <c>true</c> when a proxy refused a tunnel (CONNECT answered with anything but 200): the request
    /// itself was never written. .NET 8 and later say so with <c>HttpRequestError.ProxyTunnelError</c>.
    /// </summary>
    public static bool IsTunnelRefusal(Exception exception) =>
        exception is HttpRequestException && string.Equals(Property(exception, "HttpRequestError")?.ToString(), "ProxyTunnelError", StringComparison.Ordinal);

    /// <summary>
    /// What a proxy that would not open a tunnel to <paramref name="target"/> answered, in words, or <c>null</c>
    /// when <paramref name="exception"/> is something else (or the runtime does not say the status).
    /// </summary>
    public static string? TunnelRefusal(Exception exception, Uri target) =>
        IsTunnelRefusal(exception) && Property(exception, "StatusCode") is HttpStatusCode status
            ? $"the proxy answered HTTP {(int)status} ({status}) when asked to open a tunnel to {target.Host}:{target.Port}"
            : null;

    /// <summary>
    /// <c>true</c> when a proxy answered 407 Proxy Authentication Required somewhere in the chain: the tunnel
    /// refusal of .NET (<c>HttpRequestException.StatusCode</c>, .NET 5 and later) or .NET Framework's
    /// <see cref="WebException"/> with its response.
    /// </summary>
    public static bool IsAuthenticationRequired(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException && Property(ex, "StatusCode") is HttpStatusCode status && (int)status == ProxyAuthenticationRequiredStatus)
            {
                return true;
            }

            // A runtime whose tunnel refusal carries no status says it only in the text ("… failed with status code '407'.").
            if (IsTunnelRefusal(ex) && Property(ex, "StatusCode") is null && ex.Message.IndexOf("'407'", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            if (ex is WebException { Response: HttpWebResponse response } && (int)response.StatusCode == ProxyAuthenticationRequiredStatus)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>true</c> for a 407 answer (a proxy that relayed it, or a runtime that hands the tunnel refusal back as the answer).</summary>
    public static bool IsAuthenticationRequired(HttpStatusCode status) => (int)status == ProxyAuthenticationRequiredStatus;

    /// <summary>The error of a 407: nothing reached the service, and sending again cannot help.</summary>
    public static MrsApiException AuthenticationRequired(ApiRequest request, Uri? proxyUsed, ProxyConfiguration proxy, Exception? cause)
    {
        var who = proxyUsed is null ? "A proxy" : $"The proxy {ProxyConfiguration.Display(proxyUsed)}";
        var (what, advice) = proxy.Mode == ProxyMode.Explicit && proxy.UserName is { } user
            ? ($"refused the credentials of user '{user}'", "Check the user name and password given with -ProxyCredential.")
            : proxy.Mode == ProxyMode.Explicit
                ? ("asks for credentials", "Run Connect-MrsProject again with -ProxyCredential (the proxy's user name and password).")
                : ("asks for credentials or refused them", "Run Connect-MrsProject again with -Proxy and -ProxyCredential (the proxy's user name and password), or check the proxy credentials of the system settings.");
        return new MrsApiException(
            $"{who} {what} (407 Proxy Authentication Required), so {request.Describe()} was not sent.",
            MrsErrorKind.Authentication,
            (HttpStatusCode)ProxyAuthenticationRequiredStatus,
            advice: advice,
            innerException: cause,
            errorId: ErrorIds.ProxyAuthenticationRequired,
            outcome: RequestOutcome.NotSent);
    }

    // Properties of newer runtimes than netstandard2.0 (HttpRequestException.StatusCode, .HttpRequestError).
    private static object? Property(Exception exception, string name) =>
        exception.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(exception);
}
