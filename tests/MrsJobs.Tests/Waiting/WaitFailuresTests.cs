using System;
using System.Management.Automation;
using MrsJobs.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary><see cref="WaitFailures"/>: a wait's errors are held until the end only when asked to.</summary>
public class WaitFailuresTests
{
    private static ErrorRecord Error(string id) => new(new InvalidOperationException(id), id, ErrorCategory.InvalidResult, null);

    [Fact]
    public void HoldsNothingWhenErrorsAreWrittenAsTheyHappen()
    {
        var failures = new WaitFailures(holdUntilTheEnd: false);

        Assert.False(failures.Hold(Error("MrsJobFailed")));
        Assert.Empty(failures.TakeHeld());
    }

    [Fact]
    public void HoldsEveryErrorInTheOrderTheyHappenedUntilTakenOnce()
    {
        var failures = new WaitFailures(holdUntilTheEnd: true);

        Assert.True(failures.Hold(Error("MrsJobFailed")));
        Assert.True(failures.Hold(Error("MrsJobKilled")));

        var held = failures.TakeHeld();
        Assert.Equal(new[] { "MrsJobFailed", "MrsJobKilled" }, Array.ConvertAll(System.Linq.Enumerable.ToArray(held), e => e.FullyQualifiedErrorId));
        Assert.Empty(failures.TakeHeld());
    }
}
