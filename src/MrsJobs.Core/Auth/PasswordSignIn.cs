using System;
using System.Security;

namespace MrsJobs.Core.Auth;

/// <summary>What password sign-in needs. The password stays a <see cref="SecureString"/> until the request body is written.</summary>
internal sealed class PasswordSignIn
{
    /// <summary>Creates the sign-in data.</summary>
    public PasswordSignIn(string userName, SecureString password, string domainName)
    {
        UserName = userName ?? throw new ArgumentNullException(nameof(userName));
        Password = password ?? throw new ArgumentNullException(nameof(password));
        DomainName = domainName ?? throw new ArgumentNullException(nameof(domainName));
    }

    /// <summary>The IAM user name.</summary>
    public string UserName { get; }

    /// <summary>The IAM user's password.</summary>
    public SecureString Password { get; }

    /// <summary>The account (domain) name.</summary>
    public string DomainName { get; }

    /// <summary>The region; decides the endpoints and, by default, the project.</summary>
    public string? Region { get; set; }

    /// <summary>Scope to this project id instead of the region's project.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Scope to this project name (e.g. a sub-project <c>cn-north-4_dev</c>) instead of the region's project.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The IAM base URL; derived from <see cref="Region"/> when not given.</summary>
    public Uri? IamEndpoint { get; set; }

    /// <summary>The MRS base URL; derived from <see cref="Region"/> when not given.</summary>
    public Uri? Endpoint { get; set; }
}
