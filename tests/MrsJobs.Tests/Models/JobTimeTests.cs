using System;
using System.Globalization;
using System.Threading;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Models;

/// <summary><see cref="JobTime"/>: a UTC moment whose text is ISO 8601 in any culture, and that converts, compares and subtracts.</summary>
public class JobTimeTests
{
    private static readonly DateTimeOffset Moment = new(2026, 11, 26, 16, 16, 48, TimeSpan.FromHours(8));

    public class TheText
    {
        [Fact]
        public void IsIso8601InUtcWithoutMillisecondsWhenTheyAreZero()
        {
            Assert.Equal("2026-11-26T08:16:48Z", new JobTime(Moment).ToString());
        }

        [Fact]
        public void ShowsMillisecondsWhenTheyAreNotZero()
        {
            Assert.Equal("2026-11-26T08:16:48.250Z", new JobTime(Moment.AddMilliseconds(250)).ToString());
            Assert.Equal("2026-11-26T08:16:48.007Z", new JobTime(Moment.AddMilliseconds(7)).ToString());
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("ar-SA")]
        [InlineData("th-TH")]
        [InlineData("fa-IR")]
        public void IsTheSameInEveryCulture(string culture)
        {
            var saved = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo(culture);

                Assert.Equal("2026-11-26T08:16:48Z", new JobTime(Moment).ToString());
                Assert.Equal("2026-11-26T08:16:48Z", new JobTime(Moment).ToString(null, CultureInfo.CurrentCulture));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = saved;
            }
        }

        [Fact]
        public void IsReadBackAsTheSameMoment()
        {
            var time = new JobTime(Moment.AddMilliseconds(250));

            Assert.Equal(time, JobTime.Parse(time.ToString()));
            Assert.Equal(time.Value, DateTimeOffset.Parse(time.ToString(), CultureInfo.InvariantCulture));
        }

        [Fact]
        public void FormatsTheUtcValueWhenAFormatIsGiven()
        {
            Assert.Equal("2026-11-26 08:16", new JobTime(Moment).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
    }

    public class TheConversions
    {
        [Fact]
        public void KeepTheMomentInUtc()
        {
            JobTime time = Moment;

            Assert.Equal(TimeSpan.Zero, time.Value.Offset);
            Assert.Equal(Moment, time.Value);
            Assert.Equal(Moment.UtcDateTime, time.UtcDateTime);
            Assert.Equal(DateTimeKind.Utc, time.UtcDateTime.Kind);
        }

        [Fact]
        public void GiveALocalDateTime()
        {
            DateTime local = new JobTime(Moment);

            Assert.Equal(DateTimeKind.Local, local.Kind);
            Assert.Equal(Moment.UtcDateTime, local.ToUniversalTime());
        }

        [Fact]
        public void TakeDateTimesOfEveryKind()
        {
            Assert.Equal(new JobTime(Moment), (JobTime)Moment.UtcDateTime);
            Assert.Equal(new JobTime(Moment), (JobTime)Moment.LocalDateTime);
            Assert.Equal(new JobTime(Moment), (JobTime)DateTime.SpecifyKind(Moment.LocalDateTime, DateTimeKind.Unspecified));
        }
    }

    public class TheComparisons
    {
        [Fact]
        public void OrderMomentsWhateverTheirOffset()
        {
            var earlier = new JobTime(Moment);
            var later = new JobTime(Moment.ToOffset(TimeSpan.FromHours(-5)).AddSeconds(1));

            Assert.True(later > earlier);
            Assert.True(later.CompareTo(earlier) > 0);
            Assert.True(earlier.CompareTo((object)Moment.AddSeconds(1)) < 0);
            Assert.True(earlier.CompareTo((object)Moment.UtcDateTime.AddSeconds(-1)) > 0);
            Assert.True(earlier.CompareTo(null) > 0);
            Assert.Equal(new JobTime(Moment.ToOffset(TimeSpan.Zero)), earlier);
        }

        [Fact]
        public void RefuseWhatIsNotATime()
        {
            Assert.Throws<ArgumentException>(() => new JobTime(Moment).CompareTo("yesterday"));
        }

        [Fact]
        public void SubtractToADuration()
        {
            var started = new JobTime(Moment);
            var finished = new JobTime(Moment.AddMinutes(90).AddMilliseconds(500));

            JobDuration ran = finished - started;

            Assert.Equal(TimeSpan.FromMinutes(90) + TimeSpan.FromMilliseconds(500), ran.Value);
            Assert.Equal(new JobTime(Moment.AddHours(-1)), started - TimeSpan.FromHours(1));
            Assert.Equal(finished, started + ran);
        }
    }
}
