using System;
using System.Linq;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// The names the SDKs' credentials file uses (Go <c>profile_provider.go</c>, Python <c>provider.py</c>,
/// .NET <c>ProfileCredentialProvider.cs</c>). Key names are matched case-insensitively, as Python's
/// configparser does; section names exactly, as all three do.
/// </summary>
internal static class ProfileKeys
{
    /// <summary>The section of project-scoped ("basic") credentials, the kind MRS takes. <c>[global]</c> is for global services such as IAM.</summary>
    public const string BasicSection = "basic";

    /// <summary>The access key id.</summary>
    public const string AccessKey = "ak";

    /// <summary>The secret access key.</summary>
    public const string SecretKey = "sk";

    /// <summary>The security token of temporary keys.</summary>
    public const string SecurityToken = "security_token";

    /// <summary>The project id.</summary>
    public const string ProjectId = "project_id";

    /// <summary>The account (domain) id.</summary>
    public const string DomainId = "domain_id";

    /// <summary>The IAM endpoint for these credentials.</summary>
    public const string IamEndpoint = "iam_endpoint";

    /// <summary>The identity provider id of ID-token federation.</summary>
    public const string IdpId = "idp_id";

    /// <summary>The file that holds the ID token.</summary>
    public const string IdTokenFile = "id_token_file";

    // Names that may be quoted in messages. Anything else left of a '=' might be part of a pasted secret
    // (a base64 token ends in '='), so it is never repeated.
    private static readonly string[] Known =
    {
        AccessKey, SecretKey, SecurityToken, ProjectId, DomainId, IamEndpoint, IdpId, IdTokenFile, "region",
    };

    /// <summary>The key as a message may name it: quoted when it is a known name, else "a key".</summary>
    public static string Display(string key) =>
        Known.Contains(key, StringComparer.OrdinalIgnoreCase) ? $"'{key.ToLowerInvariant()}'" : "a key";
}
