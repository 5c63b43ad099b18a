using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using MrsJobs.Binding;
using MrsJobs.Completion;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Sessions;
using MrsJobs.Errors;
using MrsJobs.Hosting;
using MrsJobs.Session;

namespace MrsJobs.Commands;

/// <summary>
/// <para type="synopsis">Signs in to Huawei Cloud and keeps an MRS session for this runspace.</para>
/// <para type="description">With -Credential, asks IAM for a project-scoped token; with -Token, uses a token you already have.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "MrsProject", DefaultParameterSetName = PasswordSet)]
[OutputType(typeof(MrsSession))]
public sealed class ConnectMrsProjectCommand : MrsCmdletBase
{
    private const string PasswordSet = "Password";
    private const string TokenSet = "Token";

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
    /// <para type="description">The region, for example cn-north-4. Decides the endpoints and, with -Credential, the project (the region's default project) unless -ProjectId or -ProjectName is given.</para>
    /// </summary>
    [Parameter(ParameterSetName = PasswordSet)]
    [Parameter(ParameterSetName = TokenSet)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>
    /// <para type="description">The project id. Required with -Token; with -Credential, scopes the token to this project.</para>
    /// </summary>
    [Parameter(ParameterSetName = PasswordSet)]
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
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
    /// <para type="description">The MRS base URL, instead of https://mrs.{region}.myhuaweicloud.com. Plain http is accepted only for loopback hosts.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Endpoint { get; set; }

    /// <summary>
    /// <para type="description">The IAM base URL, instead of https://iam.{region}.myhuaweicloud.com. Plain http is accepted only for loopback hosts.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IamEndpoint { get; set; }

    /// <summary>
    /// <para type="description">Writes the session to the pipeline (it never shows the token).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        MrsSession session;
        try
        {
            var endpoint = Endpoint is null ? null : Endpoints.Validate(Endpoint, nameof(Endpoint));
            var iamEndpoint = IamEndpoint is null ? null : Endpoints.Validate(IamEndpoint, nameof(IamEndpoint));
            session = ParameterSetName == TokenSet
                ? SessionFactory.FromToken(new NetworkCredential(string.Empty, Token).Password, ProjectId!, Region, endpoint, iamEndpoint)
                : SignIn(endpoint, iamEndpoint);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "MrsInvalidConnectArgument", ex.ParamName switch
            {
                nameof(Endpoint) => Endpoint,
                nameof(IamEndpoint) => IamEndpoint,
                _ => Region ?? ProjectId ?? ProjectName,
            }));
            return;
        }
        catch (MrsApiException ex)
        {
            ThrowTerminatingError(ErrorRecords.FromApi(ex, IamEndpoint ?? Region));
            return;
        }

        SessionStore.SetCurrent(session);
        WriteVerboseLine($"Connected: {session}");
        if (PassThru)
        {
            WriteObject(session);
        }
    }

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
        return RunAsync((trace, cancellation) => SessionFactory.ConnectWithPasswordAsync(signIn, trace, UserAgent, cancellation));
    }
}
