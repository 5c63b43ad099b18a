using System;
using System.Globalization;
using System.Threading;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Models;

/// <summary><see cref="JobDuration"/>: a duration whose text is readable, culture-free and read back by <see cref="TimeSpan"/>.</summary>
public class JobDurationTests
{
    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(1_500, "00:00:01.5")]
    [InlineData(250, "00:00:00.25")]
    [InlineData(59_007, "00:00:59.007")]
    [InlineData(61_500, "00:01:01")]
    [InlineData(3_723_000, "01:02:03")]
    [InlineData(93_784_000, "1.02:03:04")]
    [InlineData(-5_000, "-00:00:05")]
    public void ShowsHoursMinutesAndSecondsWithMillisecondsOnlyBelowAMinute(long milliseconds, string expected)
    {
        Assert.Equal(expected, new JobDuration(TimeSpan.FromMilliseconds(milliseconds)).ToString());
    }

    [Theory]
    [InlineData(1_500)]
    [InlineData(59_007)]
    [InlineData(3_723_000)]
    [InlineData(93_784_000)]
    [InlineData(-5_000)]
    public void IsReadBackByTimeSpan(long milliseconds)
    {
        var duration = new JobDuration(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(duration.Value, TimeSpan.Parse(duration.ToString(), CultureInfo.InvariantCulture));
        Assert.Equal(duration, JobDuration.Parse(duration.ToString()));
    }

    [Fact]
    public void IsTheSameInAnotherCulture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal("00:00:01.5", new JobDuration(TimeSpan.FromMilliseconds(1500)).ToString(null, CultureInfo.CurrentCulture));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void HasTheTotalsOfATimeSpanAndCompareWithOne()
    {
        JobDuration duration = TimeSpan.FromSeconds(90);

        Assert.Equal(90, duration.TotalSeconds);
        Assert.Equal(1.5, duration.TotalMinutes);
        Assert.Equal(1, duration.Minutes);
        Assert.Equal(30, duration.Seconds);
        Assert.True(duration.CompareTo((object)TimeSpan.FromMinutes(1)) > 0);
        Assert.True(duration > new JobDuration(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(90), (TimeSpan)duration);
        Assert.Equal("00:01:30", duration.ToString("c", CultureInfo.InvariantCulture));
    }
}
