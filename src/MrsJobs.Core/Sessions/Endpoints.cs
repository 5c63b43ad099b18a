using System;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Sessions;

/// <summary>
/// The rules for an endpoint the user gives (a parameter, a variable, a file): a host name alone gets
/// <c>https://</c>, as the Go SDK does; and credentials never travel in clear text: <c>http://</c> is accepted
/// only for loopback hosts (the local emulator). Where each region's endpoints are is
/// <see cref="MrsJobs.Core.Regions.EndpointChain"/>'s business.
/// </summary>
internal static class Endpoints
{
    private const string DefaultScheme = "https://";

    /// <summary>
    /// An IAM endpoint given as an OpenStack-style base (<c>…/v3</c>) is cut back to its root, so that
    /// <c>v3/auth/tokens</c> is not doubled.
    /// </summary>
    public static Uri IamRoot(Uri iamEndpoint)
    {
        var path = iamEndpoint.AbsolutePath;
        return path.EndsWith("/v3/", StringComparison.OrdinalIgnoreCase)
            ? new Uri(iamEndpoint, path.Substring(0, path.Length - 3))
            : iamEndpoint;
    }

    /// <summary>
    /// Checks a user-given endpoint: absolute (<c>https://</c> is added to a text without a scheme), http or
    /// https, http only for loopback hosts, no query, fragment or user information.
    /// Returns it with a trailing slash so relative paths append.
    /// </summary>
    /// <exception cref="ArgumentException">The endpoint is not acceptable; the message says why.</exception>
    public static Uri Validate(string endpoint, string parameterName) =>
        Check(endpoint, parameterName, out var problem) ?? throw new ArgumentException(problem, parameterName);

    /// <summary>As <see cref="Validate"/>, but returns <c>null</c> and the reason instead of throwing.</summary>
    /// <param name="endpoint">The text as given.</param>
    /// <param name="name">What the text is called in the reason (a parameter, a variable).</param>
    /// <param name="problem">Why the text is not acceptable; <c>null</c> when it is. It shows scheme, host, port and path at most (<see cref="Urls.Shown(Uri)"/>).</param>
    public static Uri? Check(string? endpoint, string name, out string? problem)
    {
        var text = WithScheme(endpoint);
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            problem = $"The {name} value is not an absolute http(s) URL or a host name.";
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            problem = $"'{Urls.Shown(uri)}' is not an http(s) URL.";
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !Urls.IsLoopback(uri))
        {
            problem = $"'{Urls.Shown(uri)}' uses plain http, which would send the token in clear text. Use https (plain http is accepted only for loopback hosts such as the local emulator).";
        }
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            problem = $"'{Urls.Shown(uri)}' must not carry a query, fragment or user information.";
        }

        return problem is null ? WithTrailingSlash(uri!) : null;
    }

    /// <summary>How an endpoint given as text is named in errors (their target): as <see cref="Check"/> reads it, without user information.</summary>
    public static string Shown(string endpoint) => Urls.Shown(WithScheme(endpoint));

    // A host name alone gets https://, as the Go SDK does.
    private static string WithScheme(string? endpoint)
    {
        var text = endpoint?.Trim() ?? string.Empty;
        return text.Length > 0 && text[0] != '/' && text.IndexOf("://", StringComparison.Ordinal) < 0 ? DefaultScheme + text : text;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
