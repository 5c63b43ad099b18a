using System;
using System.Linq;
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
