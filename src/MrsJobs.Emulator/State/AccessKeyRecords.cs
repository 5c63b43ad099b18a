namespace MrsJobs.Emulator.State;

/// <summary>An access key pair of an IAM user, as the API gateway knows it.</summary>
/// <param name="AccessKey">The access key (AK), unique across the emulator.</param>
/// <param name="SecretKey">The secret key (SK), kept in clear: this is an emulator.</param>
/// <param name="SecurityToken">The security token a temporary pair must send as <c>X-Security-Token</c>; <see langword="null"/> for a permanent pair.</param>
/// <param name="User">The user the pair belongs to.</param>
public sealed record EmulatorAccessKey(string AccessKey, string SecretKey, string? SecurityToken, EmulatorUser User)
{
    /// <summary><see langword="true"/> for a temporary pair (it needs <c>X-Security-Token</c>).</summary>
    public bool IsTemporary => SecurityToken is not null;

    /// <inheritdoc />
    public override string ToString() => $"{(IsTemporary ? "temporary" : "permanent")} access key {AccessKey} of {User.Name}";
}
