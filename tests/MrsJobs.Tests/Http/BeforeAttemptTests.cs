using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary>
/// The before-attempt hook (where the engine journals an attempt's time) runs once for every attempt of the
/// request that goes on the wire, and never for the steps it needs first, such as signing in again.
/// </summary>
public class BeforeAttemptTests : EmulatorTest
{
    public BeforeAttemptTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task RunsOncePerSubmissionSentAndNotForTheTokenRenewalBetweenThem()
    {
        var session = await ConnectAsync();
        await QueueFaultAsync(401, "APIGW.0307", "The token expires.", "apig");
        var calls = 0;
        var context = CallContext.None.WithBeforeAttempt(() => Interlocked.Increment(ref calls));

        var result = await session.Jobs.SubmitJobAsync(Job(), context);

        Assert.True(result.Succeeded);
        Assert.Equal(2, Submissions().Count(r => r.Method == "POST"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task StopsTheRequestUnsentWhenItThrows()
    {
        var session = await ConnectAsync();
        var context = CallContext.None.WithBeforeAttempt(() => throw new System.InvalidOperationException("journal full"));

        await Assert.ThrowsAsync<System.InvalidOperationException>(() => session.Jobs.SubmitJobAsync(Job(), context));

        Assert.Empty(Submissions());
    }
}
