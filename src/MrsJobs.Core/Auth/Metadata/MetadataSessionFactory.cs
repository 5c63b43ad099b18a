using System;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Auth.Metadata;

/// <summary>
/// Makes a session that signs with the VM agency's temporary keys (<c>-UseMetadata</c>, or the chain's last step).
/// The project is <c>-ProjectId</c>, else the one <c>meta_data.json</c> names (the VM's own), else IAM's project
/// named like the region, as for any access key; the region, when not given and no <c>-Endpoint</c> says where MRS
/// is, is the VM's (its availability zone's).
/// </summary>
internal static class MetadataSessionFactory
{
    /// <summary>Asks the metadata service for keys (and, when needed, the VM's project) and makes the session.</summary>
    /// <param name="credentials">The metadata service, and the project id if one was given or set.</param>
    /// <param name="where">Where the services are, as given (<see cref="EndpointQuery.ForCredentials"/>).</param>
    /// <param name="context">Trace, warnings and cancellation.</param>
    /// <param name="userAgent">The User-Agent of every request.</param>
    /// <param name="options">Timeout, retries, proxy and the endpoint chain.</param>
    /// <param name="client">The metadata connection; a test may give another.</param>
    /// <exception cref="CredentialsException">The chain came here for want of credentials and the service gave no keys (<see cref="CredentialsProblem.NotFound"/>).</exception>
    /// <exception cref="MetadataServiceException">With <c>-UseMetadata</c>: the service gave no keys.</exception>
    /// <exception cref="Errors.MrsApiException">The project lookup at IAM failed.</exception>
    public static async Task<MrsSession> ConnectAsync(
        MetadataCredentials credentials, EndpointQuery where, CallContext context, string userAgent, SessionOptions? options = null, HttpClient? client = null)
    {
        options ??= new SessionOptions();
        var endpoints = options.EndpointChain.Locate(where, context);   // what the parameters and settings say, before anything is sent
        using var connecting = HttpClientPool.Acquire(options.Proxy);   // one pooled client from the start to the session (the lookup's pipeline ends its own lease)
        var service = new MetadataServiceClient(new MetadataExchange(credentials.Endpoint, userAgent, client), options.Clock);
        TemporaryKeys keys;
        try
        {
            keys = await service.GetSecurityKeyAsync(context).ConfigureAwait(false);
        }
        catch (MetadataServiceException ex) when (credentials.IsImplicit)
        {
            throw credentials.NotFound(ex.Reason)!;
        }

        try
        {
            context.Trace.Verbose($"Got temporary keys from the instance metadata service; they expire {keys.ExpiresAt:u}.");
            var projectId = credentials.ProjectId;
            if (projectId is null || endpoints.Mrs is null)
            {
                var instance = await InstanceAsync(service, context).ConfigureAwait(false);
                projectId ??= instance?.ProjectId;
                if (endpoints.Region is null && instance?.Region is { } vmRegion)
                {
                    endpoints = options.EndpointChain.Locate(where.WithRegion(vmRegion), context);   // the VM's region: its endpoints, and a warning if no table knows it
                }
            }

            var mrs = endpoints.RequireMrs();
            if (projectId is null)
            {
                using var lookup = new MrsHttpPipeline(new AkSkAuthenticator(keys.Keys), userAgent, options.Timeout, options.Retry, options.Clock, options.Proxy);
                projectId = await IamProjectLookup.FindProjectIdAsync(lookup, endpoints.RequireIam().Url, endpoints.RequireRegion("-ProjectId"), context).ConfigureAwait(false);
            }

            var authenticator = new MetadataKeyAuthenticator(service, keys, projectId, options.Clock);
            return new MrsSession(
                endpoints.Region, projectId, null, mrs.Url, endpoints.Iam?.Url, AuthMethod.Metadata, authenticator, userAgent, options,
                credentialSource: credentials.Origin, endpointSource: mrs.Source, iamEndpointSource: endpoints.Iam?.Source);
        }
        catch
        {
            keys.Keys.Dispose();   // no session holds the keys: clear them now
            throw;
        }
    }

    // The VM's project and region; a service that cannot say is not fatal (the region's project is looked up instead).
    private static async Task<InstanceInfo?> InstanceAsync(MetadataServiceClient service, CallContext context)
    {
        try
        {
            var instance = await service.GetInstanceAsync(context).ConfigureAwait(false);
            context.Trace.Verbose($"The instance metadata service says the VM is in project {instance.ProjectId ?? "(not said)"}, availability zone {instance.AvailabilityZone ?? "(not said)"}.");
            return instance;
        }
        catch (MetadataServiceException ex)
        {
            context.Trace.Verbose($"Could not read the VM's project and region from the metadata service ({ex.Reason}).");
            return null;
        }
    }
}
