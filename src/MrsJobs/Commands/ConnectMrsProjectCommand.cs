using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using MrsJobs.Binding;
using MrsJobs.Completion;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Regions;
using MrsJobs.Core.Sessions;
using MrsJobs.Errors;
using MrsJobs.Hosting;
using MrsJobs.Session;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Signs in to Huawei Cloud and keeps an MRS session for this runspace.</para>
/// <para type="description">With -Credential, asks IAM for a project-scoped token and renews it as needed; with -Token, uses a token you already have; with -AccessKey and -SecretKey, signs every request with the key pair; with -IdpId and -IdTokenFile, exchanges an OpenID Connect ID token at IAM (federation) and renews the token; with -UseMetadata, signs with the temporary keys of the VM's agency from the ECS/BMS metadata service and renews them. With none of these, takes credentials as Huawei's SDKs do: from the HUAWEICLOUD_SDK_* environment variables, else from the profile file ~/.huaweicloud/credentials, else from the instance metadata service.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "MrsProject", DefaultParameterSetName = ChainSet, HelpUri = "https://github.com/mrsjobs/MrsJobs/blob/main/docs/en-US/Connect-MrsProject.md")]
[OutputType(typeof(MrsSession))]
public sealed class ConnectMrsProjectCommand : MrsCmdletBase
{
    private const string PasswordSet = "Password";
    private const string TokenSet = "Token";
    private const string AccessKeySet = "AccessKey";
    private const string ChainSet = "CredentialChain";
    private const string MetadataSet = "Metadata";
    private const string IdTokenSet = "IdToken";
    private ProxyConfiguration _proxy = ProxyConfiguration.System;

    /// <summary>
    /// <para type="description">The IAM user name and password.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>
    /// <para type="description">The account (domain) the IAM user belongs to.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [Alias("Domain", "AccountName")]
    [ValidateNotNullOrEmpty]
    public string DomainName { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">An IAM token you already have (the X-Subject-Token of a token request). A plain string is accepted and turned into a SecureString at once.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>
    /// <para type="description">The access key id (AK) of an access key pair; every request is then signed (SDK-HMAC-SHA256).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [Alias("AK")]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    /// <summary>
    /// <para type="description">The secret access key (SK) that goes with -AccessKey. A plain string is accepted and turned into a SecureString at once.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [Alias("SK")]
    [SecureStringTransformation]
    public SecureString? SecretKey { get; set; }

    /// <summary>
    /// <para type="description">The security token of temporary access keys (sent as X-Security-Token).</para>
    /// </summary>
    [Parameter(ParameterSetName = AccessKeySet)]
    [SecureStringTransformation]
    public SecureString? SecurityToken { get; set; }

    /// <summary>
    /// <para type="description">Signs with the temporary access keys of the VM's agency, read from the ECS/BMS instance metadata service (http://169.254.169.254, or MRSJOBS_METADATA_ENDPOINT) and read again before they expire. Works only on a Huawei Cloud VM that has an agency. Without -ProjectId the project is the VM's own; without -Region and -Endpoint the region is the VM's.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = MetadataSet)]
    public SwitchParameter UseMetadata { get; set; }

    /// <summary>
    /// <para type="description">The id of the identity provider (IAM, Identity Providers) whose OpenID Connect ID tokens are exchanged at IAM for a token of the federated user (sent as X-Idp-Id).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = IdTokenSet)]
    [ValidateNotNullOrEmpty]
    public string? IdpId { get; set; }

    /// <summary>
    /// <para type="description">The file that holds the ID token (a JWT). It is read again at every renewal, so a token its issuer rotates is followed. The token is never shown.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = IdTokenSet)]
    [ValidateNotNullOrEmpty]
    public string? IdTokenFile { get; set; }

    /// <summary>
    /// <para type="description">The region, for example cn-north-4. Decides the endpoints and the project (the region's default project) unless -ProjectId or -ProjectName is given.</para>
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>
    /// <para type="description">The project id. With -Credential, scopes the token to this project; with -Token, checked against the token's project (and needed when IAM cannot be asked); with an access key, saves the lookup of the region's project.</para>
    /// </summary>
    [Parameter]
    [Alias("project_id")]
    [ValidateNotNullOrEmpty]
    public string? ProjectId { get; set; }

    /// <summary>
    /// <para type="description">The project name (for example a sub-project such as cn-north-4_dev) to scope the token to. Defaults to the region name.</para>
    /// </summary>
    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string? ProjectName { get; set; }

    /// <summary>
    /// <para type="description">The MRS base URL, instead of the one HUAWEICLOUD_SDK_REGION_MRS_{REGION}, the regions file or the SDKs' region table gives. A host name alone gets https://; plain http is accepted only for loopback hosts.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Endpoint { get; set; }

    /// <summary>
    /// <para type="description">The IAM base URL, instead of the one the credentials file, HUAWEICLOUD_SDK_REGION_IAM_{REGION}, HUAWEICLOUD_SDK_IAM_ENDPOINT, the regions file or the SDKs' region table gives (else https://iam.myhuaweicloud.com). A host name alone gets https://; plain http is accepted only for loopback hosts.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IamEndpoint { get; set; }

    /// <summary>
    /// <para type="description">How many times one request may be tried again when the service certainly did not process it (throttled, no connection) or, for reads, stops, kills and deletes, when its answer was lost (0 to 20; default 5). Back-off is exponential with jitter, at least what Retry-After asks, and at most 5 minutes of waiting per request. Signature and credential refusals are never retried.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = RetryPolicy.Default.MaxRetries;

    /// <summary>
    /// <para type="description">How long one request may take, in seconds (1 to 3600; default 100, as Invoke-RestMethod).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = (int)MrsHttpPipeline.DefaultTimeout.TotalSeconds;

    /// <summary>
    /// <para type="description">A proxy for all the session's requests, MRS and IAM (sign-in, token renewal, project lookup), instead of the system's proxy settings: an http:// or https:// URL with scheme, host and port, for example http://proxy.example.com:3128. HTTPS requests are tunnelled through it with CONNECT. Loopback hosts (127.0.0.1, ::1, localhost) never go through a proxy.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>
    /// <para type="description">The user name and password the -Proxy asks for (Basic, answered after the proxy's 407). The password is kept in memory for the session and dropped by Disconnect-MrsProject; it is never shown.</para>
    /// </summary>
    [Parameter]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>
    /// <para type="description">Sends every request directly, ignoring the system's proxy settings (HTTP_PROXY, HTTPS_PROXY, or the Windows settings). Cannot be used with -Proxy.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter NoProxy { get; set; }

    /// <summary>
    /// <para type="description">Writes the session to the pipeline (it never shows the token).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        MrsSession? session = null;
        try
        {
            var endpoint = Endpoint is null ? null : Endpoints.Validate(Endpoint, nameof(Endpoint));
            var iamEndpoint = IamEndpoint is null ? null : Endpoints.Validate(IamEndpoint, nameof(IamEndpoint));
            _proxy = ProxyConfiguration.FromParameters(Proxy, ProxyCredential?.UserName, ProxyCredential?.Password, NoProxy);
            session = ParameterSetName switch
            {
                PasswordSet => SignIn(endpoint, iamEndpoint),
                TokenSet => UseToken(endpoint, iamEndpoint),
                _ => UseAccessKey(endpoint, iamEndpoint),
            };
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, ErrorIds.InvalidConnectArgument, Target(ex.ParamName)));
            return;
        }
        catch (MrsApiException ex)
        {
            ThrowTerminatingError(ErrorRecords.FromApi(ex, Target(nameof(IamEndpoint))));
            return;
        }
        finally
        {
            if (session is null)
            {
                _proxy.DropPassword();   // no session took the proxy password copy
            }
        }

        SessionStore.SetCurrent(session);
        WriteVerboseLine($"Connected: {session}");
        if (session.UsesProxy)
        {
            WriteVerboseLine($"Requests to MRS go through the proxy {session.Proxy}.");
        }

        if (PassThru)
        {
            WriteObject(session);
        }
    }

    // What an error is about: the parameter's value; an endpoint or a proxy without user information; else the region, the project.
    private object? Target(string? parameterName) => parameterName switch
    {
        nameof(Endpoint) when Endpoint is not null => Endpoints.Shown(Endpoint),
        nameof(IamEndpoint) when IamEndpoint is not null => Endpoints.Shown(IamEndpoint),
        nameof(Proxy) or nameof(ProxyCredential) or nameof(NoProxy) => Proxy is null ? null : Urls.Shown(Proxy),
        nameof(IdTokenFile) => IdTokenFile,
        _ => Region ?? ProjectId ?? ProjectName,
    };

    private MrsSession SignIn(Uri? endpoint, Uri? iamEndpoint)
    {
        var signIn = new PasswordSignIn(Credential.UserName.TrimStart('\\'), Credential.Password, DomainName)
        {
            Region = Region,
            ProjectId = ProjectId,
            ProjectName = ProjectName,
            Endpoint = endpoint,
            IamEndpoint = iamEndpoint,
        };
        return RunAsync(context => SessionFactory.ConnectWithPasswordAsync(signIn, context, UserAgent, SessionOptions()));
    }

    private MrsSession UseToken(Uri? endpoint, Uri? iamEndpoint)
    {
        var token = new NetworkCredential(string.Empty, Token).Password;
        return RunAsync(context => SessionFactory.ConnectWithTokenAsync(token, ProjectId, Region, endpoint, iamEndpoint, context, UserAgent, SessionOptions()));
    }

    // -AccessKey/-SecretKey, -IdpId/-IdTokenFile or -UseMetadata, else the SDKs' chain: environment variables, then the profile file, then the metadata service.
    private MrsSession UseAccessKey(Uri? endpoint, Uri? iamEndpoint)
    {
        var given = new CredentialParameters
        {
            AccessKey = AccessKey is null ? null : SecretText.Protect(AccessKey),
            SecretKey = SecretKey,
            SecurityToken = SecurityToken,
            ProjectId = ProjectId,
            IamEndpoint = iamEndpoint,
            IdpId = IdpId,
            IdTokenFile = IdTokenFile is null ? null : FileSystemPath(IdTokenFile, nameof(IdTokenFile)),
            UseMetadata = UseMetadata,
        };
        var credentials = CredentialChain.ForCurrentProcess().Resolve(given);
        WriteVerboseLine($"Using the {credentials.Origin}.");
        return RunAsync(context => ChainSessionFactory.ConnectAsync(credentials, Region, endpoint, iamEndpoint, context, UserAgent, SessionOptions()));
    }

    // Where the services are: the SDKs' chain (parameters, environment, regions file, table), which the core asks for the region it knows.
    private SessionOptions SessionOptions() => new()
    {
        Timeout = TimeSpan.FromSeconds(TimeoutSec),
        Retry = RetryPolicy.Default.WithMaxRetries(MaxRetries),
        Proxy = _proxy,
        EndpointChain = EndpointChain.ForCurrentProcess(),
    };

    // A path as PowerShell resolves it against the current location, for the core that knows only file system paths.
    private string FileSystemPath(string path, string parameterName)
    {
        try
        {
            return GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception ex) when (ex is SessionStateException or NotSupportedException)
        {
            throw new ArgumentException($"'{path}' is not a file system path: {ex.Message}", parameterName, ex);
        }
    }
}
