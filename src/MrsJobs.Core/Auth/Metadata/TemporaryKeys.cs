using System;
using MrsJobs.Core.Auth.Signing;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>Temporary keys of the VM's agency, as the metadata service handed them out, and when they expire.</summary>
internal sealed class TemporaryKeys
{
    /// <summary>Creates the pair.</summary>
    public TemporaryKeys(AkSkCredentials keys, DateTimeOffset expiresAt)
    {
        Keys = keys ?? throw new ArgumentNullException(nameof(keys));
        ExpiresAt = expiresAt;
    }

    /// <summary>AK, SK (protected) and security token.</summary>
    public AkSkCredentials Keys { get; }

    /// <summary>When the service stops accepting them.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Keys}, expires {ExpiresAt:u}";
}
