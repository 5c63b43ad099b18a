using System;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Federation;
using MrsJobs.Core.Auth.Metadata;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth;

/// <summary>Makes the session for whatever the credential chain found: access keys, an ID token, or the metadata service.</summary>
internal static class ChainSessionFactory
{
    /// <summary>Connects with <paramref name="credentials"/>; see each kind's factory for what is asked of whom.</summary>
    /// <exception cref="Errors.MrsApiException">The credentials were refused, or gave none (<see cref="CredentialsException"/>).</exception>
    public static Task<MrsSession> ConnectAsync(ChainCredentials credentials, string? region, Uri? endpoint, CallContext context, string userAgent, SessionOptions? options = null) =>
        credentials switch
        {
            AccessKeyCredentials keys => SessionFactory.ConnectWithAccessKeyAsync(keys, region, endpoint, context.Trace, userAgent, context.Cancellation, options),
            IdTokenCredentials federated => IdTokenSessionFactory.ConnectAsync(federated, region, endpoint, context, userAgent, options),
            MetadataCredentials metadata => MetadataSessionFactory.ConnectAsync(metadata, region, endpoint, context, userAgent, options),
            _ => throw new ArgumentException($"No session can be made from {credentials?.GetType().Name ?? "nothing"}.", nameof(credentials)),
        };
}
