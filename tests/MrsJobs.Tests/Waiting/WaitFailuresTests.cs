using System;
using System.Linq;
using System.Management.Automation;
using MrsJobs.Waiting;
using Xunit;

namespace MrsJobs.Tests.Waiting;

/// <summary><see cref="WaitFailures"/>: when a wait's errors are written, and which as warnings.</summary>
public class WaitFailuresTests
{
    private static ErrorRecord Error(string id) => new(new InvalidOperationException(id), id, ErrorCategory.InvalidResult, null);

    [Fact]
    public void HoldsNothingWhenErrorsAreWrittenAsTheyHappen()
    {
        var failures = new WaitFailures(errorsStopTheCommand: false, failFast: false);

        Assert.False(failures.Hold(Error("MrsJobFailed")));
        Assert.Empty(failures.TakeHeld());
    }

    [Fact]
    public void UnderStopHoldsEveryErrorUntilTakenOnceThenTheLaterOnesAsWarningsBeforeTheFirst()
    {
        var failures = new WaitFailures(errorsStopTheCommand: true, failFast: false);

        Assert.True(failures.Hold(Error("MrsJobFailed")));
        Assert.True(failures.Hold(Error("MrsJobKilled")));
        Assert.True(failures.Hold(Error("MrsJobWaitTimeout")));

        var held = failures.TakeHeld();
        Assert.Equal(new[] { "MrsJobKilled", "MrsJobWaitTimeout", "MrsJobFailed" }, held.Select(h => h.Error.FullyQualifiedErrorId));
        Assert.Equal(new[] { true, true, false }, held.Select(h => h.AsWarning));
        Assert.Empty(failures.TakeHeld());
    }

    [Fact]
    public void WithFailFastHoldsTheErrorsTooButWritesEachAsAnErrorWhenErrorsDoNotStopTheCommand()
    {
        var failures = new WaitFailures(errorsStopTheCommand: false, failFast: true);

        Assert.True(failures.Hold(Error("MrsJobFailed")));
        Assert.True(failures.Hold(Error("MrsApiError.0176")));

        var held = failures.TakeHeld();
        Assert.Equal(new[] { "MrsJobFailed", "MrsApiError.0176" }, held.Select(h => h.Error.FullyQualifiedErrorId));
        Assert.All(held, h => Assert.False(h.AsWarning));
    }
}
