using System;
using System.IO;
using System.Linq;
using System.Net;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// The rules every source applies, worded with the names the source uses (variables, keys, parameters).
/// Each check returns the problem as a sentence, or <c>null</c>; none quotes a key, token or id (an endpoint
/// is shown as scheme, host and port only).
/// </summary>
internal static class CredentialRules
{
    /// <summary>
    /// A value as the SDKs read it: blank counts as not set (Go, Python and .NET all test for empty), and
    /// surrounding whitespace is dropped (configparser and go-ini trim file values; an AK never has any).
    /// </summary>
    public static string? Clean(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw!.Trim();

    /// <summary>
    /// AK and SK are one unit and the security token belongs to them: half a pair is an error, not a reason
    /// to try the next source (which might hold another account's keys).
    /// </summary>
    public static string? PairProblem(bool hasAccessKey, bool hasSecretKey, bool hasToken, string accessKeyName, string secretKeyName, string tokenName)
    {
        if (hasAccessKey && !hasSecretKey)
        {
            return $"{accessKeyName} is set but {secretKeyName} is not.";
        }

        if (hasSecretKey && !hasAccessKey)
        {
            return $"{secretKeyName} is set but {accessKeyName} is not.";
        }

        return hasToken && !hasAccessKey
            ? $"{tokenName} is set but {accessKeyName} and {secretKeyName} are not; a security token works only with the temporary AK/SK it was issued with."
            : null;
    }

    /// <summary>
    /// The identity provider and the ID token file are one unit, as in the SDKs (Go <c>SafeBuild</c>: "IdpId is
    /// required when using IdpId&amp;IdTokenFile", and the other way round).
    /// </summary>
    public static string? IdTokenPairProblem(bool hasIdpId, bool hasTokenFile, string idpIdName, string tokenFileName) =>
        hasIdpId == hasTokenFile ? null
        : hasIdpId ? $"{idpIdName} is set but {tokenFileName} is not."
        : $"{tokenFileName} is set but {idpIdName} is not.";

    /// <summary>A file path made full from the process's current directory; <paramref name="problem"/> says why it cannot be one.</summary>
    public static string? FilePath(string? text, string name, out string? problem)
    {
        problem = null;
        try
        {
            return text is null ? null : Path.GetFullPath(text);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            problem = $"{name} is not a usable file path ({ex.GetType().Name}).";
            return null;
        }
    }

    /// <summary>
    /// The instance metadata service's URL: absolute http(s) without query, fragment or user information. Plain
    /// http, which the real service speaks, is accepted only for link-local (169.254.0.0/16, fe80::/10) and
    /// loopback hosts, so temporary keys never cross a network in clear text.
    /// </summary>
    public static Uri? MetadataEndpoint(string? text, string name, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"{name} is not an http(s) URL without query, fragment or user information.";
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !Urls.IsLoopback(uri) && !IsLinkLocal(uri))
        {
            problem = $"{name} uses plain http for a host that is neither link-local (169.254.x.x) nor loopback: temporary keys would cross the network in clear text. Use https.";
            return null;
        }

        return uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static bool IsLinkLocal(Uri uri)
    {
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || (bytes.Length == 4 && bytes[0] == 169 && bytes[1] == 254);
    }

    /// <summary>
    /// Keys, tokens and ids never contain whitespace; one that does is usually a comment written after the
    /// value, which Python's and .NET's SDKs would keep as part of it (Go's go-ini would cut it off).
    /// </summary>
    public static string? WhitespaceProblem(string? value, string name) =>
        value is not null && value.Any(char.IsWhiteSpace)
            ? $"{name} contains whitespace, which no key, token or id does (comments must be on a line of their own)."
            : null;

    /// <summary>
    /// An IAM endpoint checked as the cmdlets check <c>-IamEndpoint</c> (https, or http for loopback only), cut
    /// back to its root like theirs; <paramref name="problem"/> says why not, naming <paramref name="name"/>.
    /// </summary>
    public static Uri? Endpoint(string? text, string name, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        try
        {
            return Endpoints.IamRoot(Endpoints.Validate(text, name));
        }
        catch (ArgumentException ex)
        {
            problem = $"{name}: {WithoutParameterName(ex)}";
            return null;
        }
    }

    // ArgumentException.Message ends with the runtime's (localised) "(Parameter 'x')" line: the name is
    // already in the text, so it goes.
    private static string WithoutParameterName(ArgumentException ex)
    {
        var suffix = new ArgumentException(string.Empty, ex.ParamName).Message;
        var message = ex.Message;
        return ex.ParamName is { Length: > 0 } && suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal)
            ? message.Substring(0, message.Length - suffix.Length).TrimEnd()
            : message;
    }
}
