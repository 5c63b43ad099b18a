using System;
using System.Diagnostics;
using System.Globalization;

namespace MrsJobs.Core.Models;

/// <summary>
/// How long a job ran. Its text is <c>hh:mm:ss</c>, or <c>d.hh:mm:ss</c> from one day on, with milliseconds
/// only below one minute (<c>00:00:01.5</c>), whatever the culture: readable in a CSV, and read back by
/// <c>[TimeSpan]</c>. It converts to and from <see cref="TimeSpan"/>, compares and sorts, and has the
/// <c>Total…</c> properties of a <see cref="TimeSpan"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct JobDuration : IComparable, IComparable<JobDuration>, IEquatable<JobDuration>, IFormattable
{
    private static readonly TimeSpan FractionsShownBelow = TimeSpan.FromMinutes(1);

    /// <summary>Creates the value.</summary>
    public JobDuration(TimeSpan value) => Value = value;

    /// <summary>The duration.</summary>
    public TimeSpan Value { get; }

    /// <summary>The whole days.</summary>
    public int Days => Value.Days;

    /// <summary>The hours past the whole days (0 to 23).</summary>
    public int Hours => Value.Hours;

    /// <summary>The minutes past the whole hours (0 to 59).</summary>
    public int Minutes => Value.Minutes;

    /// <summary>The seconds past the whole minutes (0 to 59).</summary>
    public int Seconds => Value.Seconds;

    /// <summary>The milliseconds past the whole seconds (0 to 999).</summary>
    public int Milliseconds => Value.Milliseconds;

    /// <summary>The duration in days, with fractions.</summary>
    public double TotalDays => Value.TotalDays;

    /// <summary>The duration in hours, with fractions.</summary>
    public double TotalHours => Value.TotalHours;

    /// <summary>The duration in minutes, with fractions.</summary>
    public double TotalMinutes => Value.TotalMinutes;

    /// <summary>The duration in seconds, with fractions.</summary>
    public double TotalSeconds => Value.TotalSeconds;

    /// <summary>The duration in milliseconds.</summary>
    public double TotalMilliseconds => Value.TotalMilliseconds;

    /// <summary>Reads a duration as <see cref="TimeSpan"/> does in the invariant culture (<c>01:02:03</c>, <c>1.02:03:04</c>, <c>00:00:01.5</c>).</summary>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static JobDuration Parse(string text) => Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Reads a duration in the given culture.</summary>
    /// <exception cref="FormatException">The text is not a duration.</exception>
    public static JobDuration Parse(string text, IFormatProvider? provider) =>
        new(TimeSpan.Parse(text ?? throw new ArgumentNullException(nameof(text)), provider ?? CultureInfo.InvariantCulture));

    /// <summary>As <see cref="Parse(string)"/>, reporting failure instead of throwing.</summary>
    public static bool TryParse(string? text, out JobDuration duration)
    {
        var parsed = TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value);
        duration = parsed ? new JobDuration(value) : default;
        return parsed;
    }

    /// <summary>The duration as a <see cref="TimeSpan"/>.</summary>
    public static implicit operator TimeSpan(JobDuration duration) => duration.Value;

    /// <summary>Any <see cref="TimeSpan"/>.</summary>
    public static implicit operator JobDuration(TimeSpan value) => new(value);

    /// <summary>The sum.</summary>
    public static JobDuration operator +(JobDuration left, JobDuration right) => left.Value + right.Value;

    /// <summary>The difference.</summary>
    public static JobDuration operator -(JobDuration left, JobDuration right) => left.Value - right.Value;

    /// <summary>Equal durations.</summary>
    public static bool operator ==(JobDuration left, JobDuration right) => left.Equals(right);

    /// <summary>Different durations.</summary>
    public static bool operator !=(JobDuration left, JobDuration right) => !left.Equals(right);

    /// <summary>Shorter.</summary>
    public static bool operator <(JobDuration left, JobDuration right) => left.Value < right.Value;

    /// <summary>Longer.</summary>
    public static bool operator >(JobDuration left, JobDuration right) => left.Value > right.Value;

    /// <summary>Shorter or the same.</summary>
    public static bool operator <=(JobDuration left, JobDuration right) => left.Value <= right.Value;

    /// <summary>Longer or the same.</summary>
    public static bool operator >=(JobDuration left, JobDuration right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(JobDuration other) => Value.CompareTo(other.Value);

    /// <summary>Compares with a <see cref="JobDuration"/> or <see cref="TimeSpan"/>; <c>null</c> comes first.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a duration.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        JobDuration duration => CompareTo(duration),
        TimeSpan value => Value.CompareTo(value),
        _ => throw new ArgumentException($"A {obj.GetType().Name} cannot be compared with a duration.", nameof(obj)),
    };

    /// <inheritdoc />
    public bool Equals(JobDuration other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JobDuration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>
    /// <c>hh:mm:ss</c>, <c>d.hh:mm:ss</c> from one day on, and below one minute the milliseconds too when
    /// they are not zero, trailing zeros trimmed (<c>00:00:01.5</c>); a negative duration starts with <c>-</c>.
    /// </summary>
    public override string ToString()
    {
        var length = Value.Duration();
        var text = length.Days > 0
            ? length.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture)
            : length.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        if (length < FractionsShownBelow && length.Milliseconds != 0)
        {
            text += "." + length.Milliseconds.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return Value < TimeSpan.Zero ? "-" + text : text;
    }

    /// <summary>As <see cref="ToString(string?, IFormatProvider?)"/> in the current culture, as <see cref="TimeSpan.ToString(string)"/> is.</summary>
    public string ToString(string? format) => ToString(format, null);

    /// <summary>Without a format, the text of <see cref="ToString()"/>; with one, <see cref="Value"/> formatted as <see cref="TimeSpan"/> does.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.IsNullOrEmpty(format) ? ToString() : Value.ToString(format, formatProvider);
}
