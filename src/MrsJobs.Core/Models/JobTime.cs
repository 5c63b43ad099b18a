using System;
using System.Diagnostics;
using System.Globalization;

namespace MrsJobs.Core.Models;

/// <summary>
/// A moment in a job's life, kept in UTC. Its text is ISO 8601 in UTC (<c>2026-11-26T08:16:48Z</c>, with
/// milliseconds only when they are not zero), whatever the culture, so that <c>Export-Csv</c> writes
/// times anyone can read back. It converts to and from <see cref="DateTimeOffset"/> and
/// <see cref="DateTime"/> (a <see cref="DateTime"/> comes out in local time), compares, sorts, and
/// subtracts to a <see cref="JobDuration"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct JobTime : IComparable, IComparable<JobTime>, IEquatable<JobTime>, IFormattable
{
    private const string SecondsFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
    private const string MillisecondsFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff";

    private readonly DateTimeOffset _value;

    /// <summary>Creates the value from any offset; it is kept in UTC.</summary>
    public JobTime(DateTimeOffset value) => _value = value.ToUniversalTime();

    /// <summary>The moment, with offset zero.</summary>
    public DateTimeOffset Value => _value;

    /// <summary>The moment as a UTC <see cref="DateTime"/>.</summary>
    public DateTime UtcDateTime => _value.UtcDateTime;

    /// <summary>The moment as a local <see cref="DateTime"/> (what <c>Get-Date</c> shows).</summary>
    public DateTime LocalDateTime => _value.LocalDateTime;

    /// <summary>Reads a time as <see cref="DateTimeOffset"/> does in the invariant culture (a text without an offset is local time).</summary>
    /// <exception cref="FormatException">The text is not a time.</exception>
    public static JobTime Parse(string text) => Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Reads a time in the given culture (a text without an offset is local time).</summary>
    /// <exception cref="FormatException">The text is not a time.</exception>
    public static JobTime Parse(string text, IFormatProvider? provider) =>
        new(DateTimeOffset.Parse(text ?? throw new ArgumentNullException(nameof(text)), provider ?? CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces));

    /// <summary>As <see cref="Parse(string)"/>, reporting failure instead of throwing.</summary>
    public static bool TryParse(string? text, out JobTime time)
    {
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value);
        time = parsed ? new JobTime(value) : default;
        return parsed;
    }

    /// <summary>The moment as a <see cref="DateTimeOffset"/> in UTC.</summary>
    public static implicit operator DateTimeOffset(JobTime time) => time._value;

    /// <summary>Any <see cref="DateTimeOffset"/>, kept in UTC.</summary>
    public static implicit operator JobTime(DateTimeOffset value) => new(value);

    /// <summary>The moment as a local <see cref="DateTime"/> (<see cref="DateTimeKind.Local"/>), as PowerShell's <c>[datetime]</c> and <c>Get-Date</c> show times.</summary>
    public static implicit operator DateTime(JobTime time) => time.LocalDateTime;

    /// <summary>A <see cref="DateTime"/>; one of unspecified kind is taken as local time, as .NET does.</summary>
    public static implicit operator JobTime(DateTime value) => new(new DateTimeOffset(value));

    /// <summary>The time between two moments.</summary>
    public static JobDuration operator -(JobTime later, JobTime earlier) => later._value - earlier._value;

    /// <summary>A moment earlier by <paramref name="duration"/>.</summary>
    public static JobTime operator -(JobTime time, TimeSpan duration) => time._value - duration;

    /// <summary>A moment later by <paramref name="duration"/>.</summary>
    public static JobTime operator +(JobTime time, TimeSpan duration) => time._value + duration;

    /// <summary>Equal moments.</summary>
    public static bool operator ==(JobTime left, JobTime right) => left.Equals(right);

    /// <summary>Different moments.</summary>
    public static bool operator !=(JobTime left, JobTime right) => !left.Equals(right);

    /// <summary>Earlier.</summary>
    public static bool operator <(JobTime left, JobTime right) => left._value < right._value;

    /// <summary>Later.</summary>
    public static bool operator >(JobTime left, JobTime right) => left._value > right._value;

    /// <summary>Earlier or the same.</summary>
    public static bool operator <=(JobTime left, JobTime right) => left._value <= right._value;

    /// <summary>Later or the same.</summary>
    public static bool operator >=(JobTime left, JobTime right) => left._value >= right._value;

    /// <inheritdoc />
    public int CompareTo(JobTime other) => _value.CompareTo(other._value);

    /// <summary>Compares with a <see cref="JobTime"/>, <see cref="DateTimeOffset"/> or <see cref="DateTime"/>; <c>null</c> comes first.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a time.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        JobTime time => CompareTo(time),
        DateTimeOffset value => CompareTo((JobTime)value),
        DateTime value => CompareTo((JobTime)value),
        _ => throw new ArgumentException($"A {obj.GetType().Name} cannot be compared with a time.", nameof(obj)),
    };

    /// <inheritdoc />
    public bool Equals(JobTime other) => _value.UtcTicks == other._value.UtcTicks;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JobTime other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.UtcTicks.GetHashCode();

    /// <summary>ISO 8601 in UTC: <c>2026-11-26T08:16:48Z</c>, or <c>2026-11-26T08:16:48.250Z</c> when the milliseconds are not zero.</summary>
    public override string ToString()
    {
        var utc = _value.UtcDateTime;
        return utc.ToString(utc.Millisecond == 0 ? SecondsFormat : MillisecondsFormat, CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>As <see cref="ToString(string?, IFormatProvider?)"/> in the current culture, as <see cref="DateTimeOffset.ToString(string)"/> is.</summary>
    public string ToString(string? format) => ToString(format, null);

    /// <summary>Without a format, the ISO 8601 text of <see cref="ToString()"/>; with one, the UTC <see cref="Value"/> formatted as <see cref="DateTimeOffset"/> does.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.IsNullOrEmpty(format) ? ToString() : _value.ToString(format, formatProvider);
}
