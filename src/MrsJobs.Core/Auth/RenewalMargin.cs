using System;

namespace MrsJobs.Core.Auth;

/// <summary>
/// When renewable credentials are due: once less than a margin is left before they expire, the margin being a
/// fixed length, or a share of the credentials' life for short-lived ones.
/// </summary>
internal sealed class RenewalMargin
{
    private readonly int _lifeDivisor;
    private readonly bool _dueAtTheMargin;

    private RenewalMargin(TimeSpan longest, int lifeDivisor, bool dueAtTheMargin)
    {
        Longest = longest;
        _lifeDivisor = lifeDivisor;
        _dueAtTheMargin = dueAtTheMargin;
    }

    /// <summary>
    /// The SDKs' rule for temporary keys and ID-token sessions: less than 60 seconds left (Go
    /// <c>basic_icredential.go</c>: <c>expiredAt - now &lt; 60</c>; Python <c>credentials.py</c> likewise), or a
    /// quarter of the life for credentials that live less than four minutes, so that they are not fetched before
    /// every request.
    /// </summary>
    public static RenewalMargin Sdk { get; } = new(TimeSpan.FromSeconds(60), 4, dueAtTheMargin: false);

    /// <summary>A password session's IAM token: five minutes before expiry, or a tenth of the token's life for short-lived tokens.</summary>
    public static RenewalMargin PasswordToken { get; } = new(TimeSpan.FromMinutes(5), 10, dueAtTheMargin: true);

    /// <summary>The margin of long-lived credentials.</summary>
    public TimeSpan Longest { get; }

    /// <summary><c>true</c> when credentials received at <paramref name="receivedAt"/> and expiring at <paramref name="expiresAt"/> are due at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset receivedAt, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var life = expiresAt - receivedAt;
        var margin = TimeSpan.FromTicks(Math.Min(Longest.Ticks, Math.Max(0, life.Ticks / _lifeDivisor)));
        var left = expiresAt - now;
        return left <= TimeSpan.Zero || (_dueAtTheMargin ? left <= margin : left < margin);
    }
}
