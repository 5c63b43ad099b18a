using System;

namespace MrsJobs.Emulator.State;

/// <summary>An access key pair of an IAM user, as the API gateway knows it.</summary>
/// <param name="AccessKey">The access key (AK), unique across the emulator.</param>
/// <param name="SecretKey">The secret key (SK), kept in clear: this is an emulator.</param>
/// <param name="SecurityToken">The security token a temporary pair must send as <c>X-Security-Token</c>; <see langword="null"/> for a permanent pair.</param>
/// <param name="User">The user the pair belongs to.</param>
/// <param name="ExpiresAt">When a temporary pair stops being accepted; <see langword="null"/> for never.</param>
public sealed record EmulatorAccessKey(string AccessKey, string SecretKey, string? SecurityToken, EmulatorUser User, DateTimeOffset? ExpiresAt = null)
{
    /// <summary><see langword="true"/> for a temporary pair (it needs <c>X-Security-Token</c>).</summary>
    public bool IsTemporary => SecurityToken is not null;

    /// <summary>Tells whether the pair has expired at <paramref name="now"/>.</summary>
    /// <param name="now">The emulator's time.</param>
    /// <returns><see langword="true"/> from <see cref="ExpiresAt"/> on.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && now >= expiry;

    /// <inheritdoc />
    public override string ToString() => $"{(IsTemporary ? "temporary" : "permanent")} access key {AccessKey} of {User.Name}";
}
