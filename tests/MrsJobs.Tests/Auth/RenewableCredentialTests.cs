using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using MrsJobs.Core.Auth;
using Xunit;

namespace MrsJobs.Tests.Auth;

/// <summary>
/// <see cref="RenewableCredential{T}"/>: the SDKs' rule (Go <c>basic_icredential.go</c>: renew when
/// <c>expiredAt - now &lt; 60</c>), a quarter of the life for short-lived credentials, and one renewal at a time.
/// </summary>
public class RenewableCredentialTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public class TheIsDueMethod : RenewableCredentialTests
    {
        [Theory]
        [InlineData(3600, 3540, false)]
        [InlineData(3600, 3541, true)]
        [InlineData(40, 30, false)]
        [InlineData(40, 31, true)]
        [InlineData(0, 0, true)]
        public void IsDueInTheLastMinuteOrTheLastQuarterOfAShortLife(int lifeSeconds, int afterSeconds, bool due)
        {
            var credential = new RenewableCredential<string>("first", clock.GetUtcNow().AddSeconds(lifeSeconds), clock);

            Assert.Equal(due, credential.IsDue(clock.GetUtcNow().AddSeconds(afterSeconds)));
        }

        [Fact]
        public void MeasuresTheLifeFromWhenTheValueWasReceived()
        {
            var credential = new RenewableCredential<string>("first", clock.GetUtcNow().AddSeconds(3600), clock);
            clock.Advance(TimeSpan.FromSeconds(3541));

            var renewal = credential.RenewAsync(0, () => Task.FromResult(("second", clock.GetUtcNow().AddSeconds(40))), CancellationToken.None);

            Assert.True(renewal.IsCompletedSuccessfully);
            Assert.False(credential.IsDue(clock.GetUtcNow().AddSeconds(30)));
            Assert.True(credential.IsDue(clock.GetUtcNow().AddSeconds(31)));
        }
    }

    public class TheRenewAsyncMethod : RenewableCredentialTests
    {
        [Fact]
        public async Task ReplacesTheValueAndItsExpiryAndHandsOverTheOldValue()
        {
            var credential = new RenewableCredential<string>("first", clock.GetUtcNow().AddSeconds(60), clock);
            string? replaced = null;

            await credential.RenewAsync(0, () => Task.FromResult(("second", clock.GetUtcNow().AddSeconds(120))), CancellationToken.None, old => replaced = old);

            Assert.Equal("second", credential.Current);
            Assert.Equal(clock.GetUtcNow().AddSeconds(120), credential.ExpiresAt);
            Assert.Equal(1, credential.Generation);
            Assert.Equal("first", replaced);
        }

        [Fact]
        public async Task RenewsOnceForRequestsThatSawTheSameGeneration()
        {
            var credential = new RenewableCredential<string>("first", clock.GetUtcNow().AddSeconds(60), clock);
            var release = new TaskCompletionSource();
            var fetches = 0;

            async Task<(string, DateTimeOffset)> Fetch()
            {
                Interlocked.Increment(ref fetches);
                await release.Task;
                return ("second", clock.GetUtcNow().AddSeconds(60));
            }

            var renewals = Enumerable.Range(0, 8).Select(_ => Task.Run(() => credential.RenewAsync(0, Fetch, CancellationToken.None))).ToArray();
            await Task.Delay(50);
            release.SetResult();
            await Task.WhenAll(renewals);

            Assert.Equal(1, fetches);
            Assert.Equal(1, credential.Generation);
        }

        [Fact]
        public async Task KeepsTheValueWhenTheFetchFails()
        {
            var credential = new RenewableCredential<string>("first", clock.GetUtcNow().AddSeconds(60), clock);

            await Assert.ThrowsAsync<InvalidOperationException>(() => credential.RenewAsync(0, () => throw new InvalidOperationException("down"), CancellationToken.None));

            Assert.Equal("first", credential.Current);
            Assert.Equal(0, credential.Generation);
            await credential.RenewAsync(0, () => Task.FromResult(("second", clock.GetUtcNow().AddSeconds(60))), CancellationToken.None);
            Assert.Equal("second", credential.Current);
        }
    }
}
