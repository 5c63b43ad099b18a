using System;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using Xunit;

namespace MrsJobs.Tests.Http;

/// <summary><see cref="RetryPolicy"/>: what is sent again, and how long it waits first.</summary>
public class RetryPolicyTests
{
    private static readonly RetryPolicy OneToThirty = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public class TheMayRetryMethod
    {
        // RequestKind is internal, so the cases name it.
        [Theory]
        [InlineData("Submit", RequestOutcome.NotSent, true)]
        [InlineData("Submit", RequestOutcome.Throttled, true)]
        [InlineData("Submit", RequestOutcome.Unknown, false)]
        [InlineData("Submit", RequestOutcome.Refused, false)]
        [InlineData("Read", RequestOutcome.NotSent, true)]
        [InlineData("Read", RequestOutcome.Throttled, true)]
        [InlineData("Read", RequestOutcome.Unknown, true)]
        [InlineData("Read", RequestOutcome.Refused, false)]
        [InlineData("Kill", RequestOutcome.Unknown, true)]
        [InlineData("Kill", RequestOutcome.Refused, false)]
        [InlineData("Delete", RequestOutcome.Unknown, true)]
        [InlineData("Delete", RequestOutcome.Refused, false)]
        [InlineData("SignIn", RequestOutcome.Unknown, true)]
        [InlineData("SignIn", RequestOutcome.NotSent, true)]
        [InlineData("SignIn", RequestOutcome.Refused, false)]
        public void SendsAgainOnlyWhatCannotMakeASecondJob(string kind, RequestOutcome outcome, bool expected)
        {
            var requestKind = Enum.Parse<RequestKind>(kind);

            Assert.Equal(expected, RetryPolicy.MayRetry(requestKind, outcome));
        }

        [Fact]
        public void NeverSendsASubmissionAgainWhenItMayHaveBeenProcessed()
        {
            Assert.False(RetryPolicy.MayRetry(RequestKind.Submit, RequestOutcome.Unknown));
        }

        [Fact]
        public void NeverSendsAnythingAgainThatWasRefused()
        {
            foreach (var kind in Enum.GetValues<RequestKind>())
            {
                Assert.False(RetryPolicy.MayRetry(kind, RequestOutcome.Refused), kind.ToString());
            }
        }
    }

    public class TheDelayBeforeMethod
    {
        [Fact]
        public void DoublesFromTheFirstDelayUpToTheLongest()
        {
            var delays = new double[7];
            for (var retry = 1; retry <= delays.Length; retry++)
            {
                delays[retry - 1] = OneToThirty.DelayBefore(retry, null, 1.0).TotalSeconds;
            }

            Assert.Equal(new double[] { 1, 2, 4, 8, 16, 30, 30 }, delays);
        }

        [Fact]
        public void WaitsAtLeastHalfTheBackOff()
        {
            Assert.Equal(TimeSpan.FromMilliseconds(500), OneToThirty.DelayBefore(1, null, 0.0));
            Assert.Equal(TimeSpan.FromSeconds(2), OneToThirty.DelayBefore(3, null, 0.0));
        }

        [Fact]
        public void SpreadsTheWaitBetweenHalfAndAllOfTheBackOff()
        {
            Assert.Equal(TimeSpan.FromMilliseconds(750), OneToThirty.DelayBefore(1, null, 0.5));
            Assert.Equal(TimeSpan.FromSeconds(15), OneToThirty.DelayBefore(9, null, 0.0));
            Assert.Equal(TimeSpan.FromSeconds(22.5), OneToThirty.DelayBefore(9, null, 0.5));
        }

        [Fact]
        public void NeverWaitsLessThanRetryAfterAsks()
        {
            Assert.Equal(TimeSpan.FromSeconds(7), OneToThirty.DelayBefore(1, TimeSpan.FromSeconds(7), 1.0));
        }

        [Fact]
        public void KeepsTheBackOffWhenRetryAfterAsksForLess()
        {
            Assert.Equal(TimeSpan.FromSeconds(4), OneToThirty.DelayBefore(3, TimeSpan.Zero, 1.0));
        }

        [Fact]
        public void StaysAtTheLongestDelayForHighRetryNumbers()
        {
            Assert.Equal(TimeSpan.FromSeconds(30), OneToThirty.DelayBefore(20, null, 1.0));
            Assert.Equal(TimeSpan.FromSeconds(30), OneToThirty.DelayBefore(1000, null, 1.0));
        }
    }

    public class TheConstructor
    {
        [Theory]
        [InlineData(-1)]
        [InlineData(21)]
        public void RefusesRetryCountsOutsideZeroToTwenty(int maxRetries)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(maxRetries, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)));
        }

        [Fact]
        public void GivesRunbooksFiveRetriesFromOneToThirtySecondsWithinFiveMinutes()
        {
            var policy = RetryPolicy.Default;

            Assert.Equal(5, policy.MaxRetries);
            Assert.Equal(TimeSpan.FromSeconds(1), policy.FirstDelay);
            Assert.Equal(TimeSpan.FromSeconds(30), policy.LongestDelay);
            Assert.Equal(TimeSpan.FromMinutes(5), policy.TotalTime);
        }
    }

    public class TheToStringMethod
    {
        [Fact]
        public void DescribesThePolicyInWords()
        {
            Assert.Equal("5 retries, back-off 1 s to 30 s, at most 300 s waiting", RetryPolicy.Default.ToString());
            Assert.Equal("no retries", RetryPolicy.None.ToString());
        }
    }
}
