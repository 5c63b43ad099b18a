using System;

namespace MrsJobs.Emulator.State;

/// <summary>An account (IAM domain).</summary>
/// <param name="Id">The 32-hex domain id.</param>
/// <param name="Name">The account name users log in with.</param>
public sealed record EmulatorDomain(string Id, string Name);

/// <summary>An IAM user of one account.</summary>
/// <param name="Id">The 32-hex user id.</param>
/// <param name="Name">The user name.</param>
/// <param name="Password">The password (kept in clear: this is an emulator).</param>
/// <param name="DomainId">The id of the account the user belongs to.</param>
public sealed record EmulatorUser(string Id, string Name, string Password, string DomainId);

/// <summary>A project (region scope) of one account.</summary>
/// <param name="Id">The 32-hex project id that MRS URLs carry.</param>
/// <param name="Name">The project name, which is the region name (e.g. <c>cn-north-4</c>).</param>
/// <param name="DomainId">The id of the account that owns the project.</param>
public sealed record EmulatorProject(string Id, string Name, string DomainId);

/// <summary>A project-scoped IAM token the emulator issued.</summary>
/// <param name="Token">The opaque token text (the <c>X-Subject-Token</c> value).</param>
/// <param name="User">The user the token was issued to.</param>
/// <param name="Domain">The user's account.</param>
/// <param name="Project">The project the token is scoped to.</param>
/// <param name="IssuedAt">When the token was issued.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
public sealed record IssuedToken(
    string Token,
    EmulatorUser User,
    EmulatorDomain Domain,
    EmulatorProject Project,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Tells whether the token has expired at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> from <see cref="ExpiresAt"/> on.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <inheritdoc />
    public override string ToString() => $"token for {User.Name}@{Domain.Name} scoped to {Project.Name}, expires {ExpiresAt:O}";
}
