using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth;

/// <summary>
/// Adds <c>X-Auth-Token</c> with a token the user gave, which cannot be renewed. Holds the token
/// privately: it never appears in <see cref="ToString"/> or any property.
/// </summary>
internal sealed class TokenAuthenticator : FixedCredentialsAuthenticator
{
    private readonly string _token;

    public TokenAuthenticator(string token, string method, DateTimeOffset? expiresAt = null)
    {
        ExpiresAt = expiresAt;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The token is empty.", nameof(token));
        }

        _token = token.Trim();
        Method = method;
    }

    public override string Method { get; }

    public override DateTimeOffset? ExpiresAt { get; }

    public override Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _token);
        return Task.CompletedTask;
    }

    public override string ToString() => $"{Method} token authenticator";
}
