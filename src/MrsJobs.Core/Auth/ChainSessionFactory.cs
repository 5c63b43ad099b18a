using System;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Federation;
using MrsJobs.Core.Auth.Metadata;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth;

/// <summary>Makes the session for whatever the credential chain found: access keys, an ID token, or the metadata service.</summary>
internal static class ChainSessionFactory
{
    /// <summary>Connects with <paramref name="credentials"/>; see each kind's factory for what is asked of whom.</summary>
    /// <param name="credentials">What the chain found.</param>
    /// <param name="region"><c>-Region</c>; <c>null</c> when not given.</param>
    /// <param name="endpoint"><c>-Endpoint</c>, already checked.</param>
    /// <param name="iamEndpoint"><c>-IamEndpoint</c>, already checked (it beats the credential source's own).</param>
    /// <param name="context">Trace, warnings and cancellation.</param>
    /// <param name="userAgent">The User-Agent of every request.</param>
    /// <param name="options">Timeout, retries, proxy and the endpoint chain.</param>
    /// <exception cref="Errors.MrsApiException">The credentials were refused, or gave none (<see cref="CredentialsException"/>).</exception>
    public static Task<MrsSession> ConnectAsync(
        ChainCredentials credentials, string? region, Uri? endpoint, Uri? iamEndpoint, CallContext context, string userAgent, SessionOptions? options = null)
    {
        var where = EndpointQuery.ForCredentials(region, endpoint, iamEndpoint, credentials);
        return credentials switch
        {
            AccessKeyCredentials keys => SessionFactory.ConnectWithAccessKeyAsync(keys, where, context, userAgent, options),
            IdTokenCredentials federated => IdTokenSessionFactory.ConnectAsync(federated, where, context, userAgent, options),
            MetadataCredentials metadata => MetadataSessionFactory.ConnectAsync(metadata, where, context, userAgent, options),
            _ => throw new ArgumentException($"No session can be made from {credentials?.GetType().Name ?? "nothing"}.", nameof(credentials)),
        };
    }
}
