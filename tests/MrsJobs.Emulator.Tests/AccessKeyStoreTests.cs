using System;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><see cref="AccessKeyStore"/>: the lockout's timing, without waiting five minutes.</summary>
public sealed class AccessKeyStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFifthFailureInARowLocksForFiveMinutes()
    {
        var store = new EmulatorState().AccessKeys;
        for (var i = 0; i < 4; i++)
        {
            store.RecordFailure(SeedData.AccessKey, Start);
        }

        Assert.False(store.IsLocked(SeedData.AccessKey, Start));
        store.RecordFailure(SeedData.AccessKey, Start);

        Assert.True(store.IsLocked(SeedData.AccessKey, Start.AddMinutes(4).AddSeconds(59)));
        Assert.False(store.IsLocked(SeedData.AccessKey, Start.AddMinutes(5)));
        Assert.False(store.IsLocked(SeedData.TemporaryAccessKey, Start));
    }

    [Fact]
    public void ASuccessStartsTheCountAgain()
    {
        var store = new EmulatorState().AccessKeys;
        for (var i = 0; i < 4; i++)
        {
            store.RecordFailure(SeedData.AccessKey, Start);
        }

        store.RecordSuccess(SeedData.AccessKey);
        store.RecordFailure(SeedData.AccessKey, Start);

        Assert.False(store.IsLocked(SeedData.AccessKey, Start));
    }

    [Fact]
    public void ReplacingAKeyClearsItsLock()
    {
        var store = new EmulatorState().AccessKeys;
        for (var i = 0; i < 5; i++)
        {
            store.RecordFailure(SeedData.AccessKey, Start);
        }

        store.Put(store.Find(SeedData.AccessKey)! with { SecretKey = "rotated" });

        Assert.False(store.IsLocked(SeedData.AccessKey, Start));
    }
}
