using System;
using System.Collections.Generic;
using System.Net;

namespace MrsJobs.Core.Sessions;

/// <summary>
/// Where MRS and IAM live for a region, and the rule that credentials never travel in clear text:
/// <c>http://</c> is accepted only for loopback hosts (the local emulator).
/// </summary>
internal static class Endpoints
{
    // MRS's regions on other domains (Go SDK services/mrs/v2/region). IAM uses .com everywhere but eu-west-101.
    private static readonly Dictionary<string, string> MrsDomainSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ap-southeast-1"] = "myhuaweicloud.cn",
        ["ap-southeast-4"] = "myhuaweicloud.cn",
        ["ru-northwest-2"] = "myhuaweicloud.cn",
        ["eu-west-101"] = "myhuaweicloud.eu",
    };

    private static readonly Dictionary<string, string> IamDomainSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eu-west-101"] = "myhuaweicloud.eu",
    };

    /// <summary>Regions offered for tab completion (a region not listed still works).</summary>
    public static IReadOnlyList<string> KnownRegions { get; } = new[]
    {
        "cn-north-1", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-south-1", "cn-southwest-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "af-south-1", "la-north-2",
        "la-south-2", "sa-brazil-1", "na-mexico-1", "me-east-1", "tr-west-1", "ru-northwest-2", "eu-west-101",
    };

    /// <summary><c>https://mrs.{region}.myhuaweicloud.com</c>, or <c>.cn</c>/<c>.eu</c> for the regions on other domains.</summary>
    public static Uri MrsForRegion(string region) => ForService("mrs", region, MrsDomainSuffixes);

    /// <summary><c>https://iam.{region}.myhuaweicloud.com</c> (<c>.eu</c> for eu-west-101).</summary>
    public static Uri IamForRegion(string region) => ForService("iam", region, IamDomainSuffixes);

    /// <summary>A region name as the API spells it: trimmed, lower case.</summary>
    public static string? NormalizeRegion(string? region) =>
        string.IsNullOrWhiteSpace(region) ? null : region!.Trim().ToLowerInvariant();

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
    /// Checks a user-given endpoint: absolute, http or https, and http only for loopback hosts.
    /// Returns it with a trailing slash so relative paths append.
    /// </summary>
    /// <exception cref="ArgumentException">The endpoint is not acceptable; the message says why.</exception>
    public static Uri Validate(string endpoint, string parameterName)
    {
        if (!Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"The {parameterName} value is not an absolute http(s) URL.", parameterName);
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{Display(uri)}' is not an http(s) URL.", parameterName);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new ArgumentException(
                $"'{Display(uri)}' uses plain http, which would send the token in clear text. Use https (plain http is accepted only for loopback hosts such as the local emulator).",
                parameterName);
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"'{Display(uri)}' must not carry a query, fragment or user information.", parameterName);
        }

        return WithTrailingSlash(uri);
    }

    /// <summary>Scheme, host and port only: never the user information, which may hold a password.</summary>
    private static string Display(Uri uri) => uri.IsDefaultPort
        ? $"{uri.Scheme}://{uri.Host}"
        : $"{uri.Scheme}://{uri.Host}:{uri.Port}";

    /// <summary><c>true</c> for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static Uri ForService(string service, string region, Dictionary<string, string> domainSuffixes)
    {
        var name = region?.Trim().ToLowerInvariant() ?? string.Empty;
        if (name.Length == 0 || Uri.CheckHostName(name) != UriHostNameType.Dns || name.Contains("."))
        {
            throw new ArgumentException($"'{region}' is not a region name such as cn-north-4.", nameof(region));
        }

        var suffix = domainSuffixes.TryGetValue(name, out var other) ? other : "myhuaweicloud.com";
        return new Uri($"https://{service}.{name}.{suffix}/");
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
