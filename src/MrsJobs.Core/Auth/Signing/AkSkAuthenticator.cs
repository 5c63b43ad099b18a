using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;

namespace MrsJobs.Core.Auth.Signing;

/// <summary>
/// Signs each request with SDK-HMAC-SHA256 just before it is sent. Sets <c>X-Sdk-Date</c>, <c>Host</c>,
/// <c>X-Project-Id</c> (when it has a project id; IAM's <c>/v3/projects</c> lookup is signed without one, as
/// the SDKs do), <c>X-Security-Token</c> (temporary credentials) and <c>Authorization</c>. It signs those
/// headers and <c>Content-Type</c> whenever the request carries one (as Huawei's SDKs do; MRS calls always do,
/// even without a body), with the values HttpClient will send; <c>User-Agent</c> and <c>Accept</c> are left unsigned.
/// </summary>
internal sealed class AkSkAuthenticator : FixedCredentialsAuthenticator
{
    /// <summary>The header that carries the project id.</summary>
    public const string ProjectIdHeader = "X-Project-Id";

    /// <summary>The header that carries the security token of temporary credentials.</summary>
    public const string SecurityTokenHeader = "X-Security-Token";

    private const string ContentTypeHeader = "Content-Type";

    private readonly AkSkCredentials _credentials;
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>Creates an authenticator.</summary>
    /// <param name="credentials">The key pair; the authenticator does not dispose it.</param>
    /// <param name="projectId">The project id sent as <c>X-Project-Id</c>, or <c>null</c> (IAM lookups).</param>
    /// <param name="clock">The clock for <c>X-Sdk-Date</c>; the system clock when <c>null</c>.</param>
    public AkSkAuthenticator(AkSkCredentials credentials, string? projectId = null, Func<DateTimeOffset>? clock = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        ProjectId = string.IsNullOrWhiteSpace(projectId) ? null : projectId!.Trim();
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <inheritdoc />
    public override string Method => "AkSk";

    /// <summary>The project id sent as <c>X-Project-Id</c>, or <c>null</c>.</summary>
    public string? ProjectId { get; }

    /// <summary>The same credentials and clock, scoped to another project (or to none).</summary>
    /// <param name="projectId">The project id, or <c>null</c>.</param>
    /// <returns>A new authenticator.</returns>
    public AkSkAuthenticator WithProjectId(string? projectId) => new(_credentials, projectId, _clock);

    /// <inheritdoc />
    public override async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request?.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException("The request needs an absolute URI to be signed.", nameof(request));
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var now = _clock();
        var signed = new List<KeyValuePair<string, string>>
        {
            Set(request, "Host", SdkHmacSigner.HostHeader(uri)),
            Set(request, SdkHmacSigner.DateHeader, SigningTime.ToText(now)),
        };
        if (ProjectId is not null)
        {
            signed.Add(Set(request, ProjectIdHeader, ProjectId));
        }

        if (_credentials.SecurityToken is not null)
        {
            signed.Add(Set(request, SecurityTokenHeader, _credentials.SecurityToken));
        }

        if (request.Content?.Headers.ContentType is not null)
        {
            signed.Add(new(ContentTypeHeader, string.Join(", ", request.Content.Headers.GetValues(ContentTypeHeader))));
        }

        var signature = _credentials.UseSecretKey(key =>
            SdkHmacSigner.Sign(request.Method.Method, uri, signed, body, _credentials.AccessKey, key, now));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
    }

    /// <summary>The AK and the project; never the SK.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"AK/SK authenticator ({_credentials}{(ProjectId is null ? string.Empty : ", project " + ProjectId)})";

    private static KeyValuePair<string, string> Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
        return new KeyValuePair<string, string>(name, request.Headers.GetValues(name).Single());
    }
}
