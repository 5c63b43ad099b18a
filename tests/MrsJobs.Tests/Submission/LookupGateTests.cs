using System;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Submission;
using Xunit;

namespace MrsJobs.Tests.Submission;

/// <summary>A lookup of a lost answer runs alone for its kind of job; sends of other kinds never wait for it.</summary>
public class LookupGateTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMilliseconds(200);

    private static async Task<bool> EndsSoon(Task task) => await Task.WhenAny(task, Task.Delay(Soon)) == task;

    [Fact]
    public async Task LetsSendsOfOneKindGoTogether()
    {
        var gate = new LookupGate();

        await gate.EnterSendAsync("k", CancellationToken.None);
        var second = gate.EnterSendAsync("k", CancellationToken.None);

        Assert.True(await EndsSoon(second));
    }

    [Fact]
    public async Task MakesALookupWaitForTheSendsInFlightOfItsKind()
    {
        var gate = new LookupGate();
        await gate.EnterSendAsync("k", CancellationToken.None);

        var lookup = gate.EnterLookupAsync("k", CancellationToken.None);
        Assert.False(await EndsSoon(lookup));

        gate.ExitSend("k");
        Assert.True(await EndsSoon(lookup));
    }

    [Fact]
    public async Task HoldsBackNewSendsOfItsKindFromTheMomentALookupAsks()
    {
        var gate = new LookupGate();
        await gate.EnterSendAsync("k", CancellationToken.None);
        var lookup = gate.EnterLookupAsync("k", CancellationToken.None);

        var lateSend = gate.EnterSendAsync("k", CancellationToken.None);
        gate.ExitSend("k");
        await lookup;
        Assert.False(await EndsSoon(lateSend));

        gate.ExitLookup("k");
        Assert.True(await EndsSoon(lateSend));
    }

    [Fact]
    public async Task NeverHoldsBackSendsOfAnotherKind()
    {
        var gate = new LookupGate();
        await gate.EnterLookupAsync("k", CancellationToken.None);

        Assert.True(await EndsSoon(gate.EnterSendAsync("other", CancellationToken.None)));
    }

    [Fact]
    public async Task RunsTwoLookupsOfOneKindOneAfterTheOther()
    {
        var gate = new LookupGate();
        await gate.EnterLookupAsync("k", CancellationToken.None);

        var second = gate.EnterLookupAsync("k", CancellationToken.None);
        Assert.False(await EndsSoon(second));

        gate.ExitLookup("k");
        Assert.True(await EndsSoon(second));
    }

    [Fact]
    public async Task LetsACancelledLookupGoWithoutHoldingSendsBack()
    {
        var gate = new LookupGate();
        await gate.EnterSendAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var lookup = gate.EnterLookupAsync("k", cancel.Token);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup);

        Assert.True(await EndsSoon(gate.EnterSendAsync("k", CancellationToken.None)));
    }
}
