using System;
using System.Net;

namespace MrsJobs.Core.Http;

/// <summary>
/// What the module asks of any URL, whatever it names (an endpoint, a proxy, the metadata service): whether it is
/// loopback, and how to show it without the user information (a password) it may carry.
/// </summary>
internal static class Urls
{
    /// <summary><c>true</c> for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Scheme, host, port (when not the scheme's own) and path, without a final slash: never user information,
    /// query or fragment. A URL without a host (<c>user:secret@proxy</c> reads as the scheme <c>user</c>) shows
    /// its scheme alone; a relative one, what follows its last <c>@</c>.
    /// </summary>
    public static string Shown(Uri uri)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        if (!uri.IsAbsoluteUri)
        {
            return AfterUserInfo(uri.OriginalString);
        }

        return uri.Authority.Length == 0
            ? uri.Scheme + ":"
            : uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
    }

    /// <summary>As <see cref="Shown(Uri)"/> for a text that may not be a URL at all: what follows its last <c>@</c>.</summary>
    public static string Shown(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? Shown(uri) : AfterUserInfo(text);

    private static string AfterUserInfo(string text) => text.Substring(text.LastIndexOf('@') + 1);
}
