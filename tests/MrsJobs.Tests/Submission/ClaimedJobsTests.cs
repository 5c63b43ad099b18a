using System;
using MrsJobs.Core.Submission;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MrsJobs.Tests.Submission;

/// <summary>The jobs known to belong to a row: claimed once, and forgotten only when no lookup can see them any more.</summary>
public class ClaimedJobsTests
{
    [Fact]
    public void ClaimsAJobOnce()
    {
        var claims = new ClaimedJobs(new FakeTimeProvider());

        Assert.True(claims.TryClaim("3a1f0e52-0000-4000-8000-000000000001"));
        Assert.False(claims.TryClaim("3a1f0e52-0000-4000-8000-000000000001"));
        Assert.True(claims.IsClaimed("3a1f0e52-0000-4000-8000-000000000001"));
        Assert.False(claims.IsClaimed("3a1f0e52-0000-4000-8000-000000000002"));
    }

    [Fact]
    public void ForgetsClaimsOlderThanTheRetentionAsNewOnesArrive()
    {
        var clock = new FakeTimeProvider();
        var claims = new ClaimedJobs(clock);
        claims.TryClaim("old-job");
        clock.Advance(ClaimedJobs.Retention + TimeSpan.FromMinutes(1));

        for (var n = 0; n < 5000; n++)
        {
            claims.TryClaim("job-" + n);
        }

        Assert.False(claims.IsClaimed("old-job"));
        Assert.True(claims.IsClaimed("job-4999"));
    }
}
