using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using MrsJobs.Core.Http;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary><see cref="RequestPacer"/>: polling reads spaced evenly, however many callers share the pacer.</summary>
public class RequestPacerTests
{
    public class TheWaitTurnAsyncMethod
    {
        private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 4, 9, 0, 0, TimeSpan.Zero));

        [Fact]
        public void LetsTheFirstCallerGoAtOnce()
        {
            var pacer = new RequestPacer(10);

            Assert.True(pacer.WaitTurnAsync(clock, CancellationToken.None).IsCompleted);
        }

        [Fact]
        public void SpacesCallersAHundredMillisecondsApartAtTenASecond()
        {
            var pacer = new RequestPacer(10);

            var first = pacer.WaitTurnAsync(clock, CancellationToken.None);
            var second = pacer.WaitTurnAsync(clock, CancellationToken.None);
            var third = pacer.WaitTurnAsync(clock, CancellationToken.None);

            Assert.True(first.IsCompleted);
            Assert.False(second.IsCompleted);
            clock.Advance(TimeSpan.FromMilliseconds(99));
            Assert.False(second.IsCompleted);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(second.IsCompleted);
            Assert.False(third.IsCompleted);
            clock.Advance(TimeSpan.FromMilliseconds(99));
            Assert.False(third.IsCompleted);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(third.IsCompleted);
        }

        [Fact]
        public async Task SharesTheRateBetweenCallersOnOtherThreads()
        {
            var pacer = new RequestPacer(10);

            var callers = new Task<Task>[4];
            for (var i = 0; i < callers.Length; i++)
            {
                callers[i] = Task.Factory.StartNew(() => pacer.WaitTurnAsync(clock, CancellationToken.None), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            }

            var turns = await Task.WhenAll(callers);

            var done = 0;
            for (var step = 0; step < 4; step++)
            {
                done = Array.FindAll(turns, t => t.IsCompleted).Length;
                Assert.Equal(step + 1, done);
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            Assert.Equal(4, Array.FindAll(turns, t => t.IsCompleted).Length);
        }

        [Fact]
        public void GivesNoBurstAfterAQuietSpell()
        {
            var pacer = new RequestPacer(10);
            Assert.True(pacer.WaitTurnAsync(clock, CancellationToken.None).IsCompleted);

            clock.Advance(TimeSpan.FromSeconds(5));
            var afterPause = pacer.WaitTurnAsync(clock, CancellationToken.None);
            var next = pacer.WaitTurnAsync(clock, CancellationToken.None);

            Assert.True(afterPause.IsCompleted);
            Assert.False(next.IsCompleted);
            clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.True(next.IsCompleted);
        }

        [Fact]
        public void KeepsSeparatePacersApart()
        {
            var one = new RequestPacer(10);
            var other = new RequestPacer(10);

            Assert.True(one.WaitTurnAsync(clock, CancellationToken.None).IsCompleted);
            Assert.True(other.WaitTurnAsync(clock, CancellationToken.None).IsCompleted);
        }

        [Fact]
        public async Task EndsAWaitAtOnceWhenCancelled()
        {
            var pacer = new RequestPacer(1);
            using var cancel = new CancellationTokenSource();
            _ = pacer.WaitTurnAsync(clock, CancellationToken.None);
            var waiting = pacer.WaitTurnAsync(clock, cancel.Token);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
    }
}
