using System;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Keys from the <c>HUAWEICLOUD_SDK_*</c> variables, read through an accessor so tests need not touch the
/// process environment. Blank counts as not set. Unlike the SDKs, which pass over a half-set pair to the
/// next source, half a pair here is an error naming the missing variable.
/// </summary>
internal sealed class EnvironmentCredentialSource
{
    /// <summary>How the source is named in <see cref="ChainCredentials.Source"/> and messages.</summary>
    public const string Place = "environment variables " + CredentialVariables.AccessKey + "/SK";

    /// <summary>How the source is named when it holds an identity provider with its ID token file.</summary>
    public const string IdTokenPlace = "environment variables " + CredentialVariables.IdpId + "/" + CredentialVariables.IdTokenFile;

    // Where the chain looked when the variables hold nothing: the keys, and the identity provider with its token file.
    private const string PlaceOfAll = "environment variables " + CredentialVariables.AccessKey + "/SK and " + CredentialVariables.IdpId + "/" + CredentialVariables.IdTokenFile;

    private const string PairAdvice = "Set both " + CredentialVariables.AccessKey + " and " + CredentialVariables.SecretKey + ", or neither to use the credentials file.";

    private readonly Func<string, string?> _environment;

    /// <summary>Creates the source over an accessor such as <see cref="Environment.GetEnvironmentVariable(string)"/>.</summary>
    public EnvironmentCredentialSource(Func<string, string?> environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>The keys or the identity provider with its ID token file, or why there are none.</summary>
    /// <exception cref="CredentialsException">Half a pair is set, or a value cannot be right.</exception>
    public SourceLookup Read()
    {
        var credentials = CredentialBuilder.Build(SourceNames.Environment, _environment, Fail, PairAdvice, CredentialSourceKind.Environment, Place, IdTokenPlace);
        return credentials is null ? SourceLookup.Missing(PlaceOfAll, "not set") : SourceLookup.Found(credentials);
    }

    /// <summary><c>MRSJOBS_METADATA_ENDPOINT</c>, else the metadata service's own address.</summary>
    /// <exception cref="CredentialsException">It is set but is not an acceptable URL.</exception>
    public Uri MetadataEndpoint()
    {
        var name = CredentialVariables.MetadataEndpoint;
        var endpoint = CredentialRules.MetadataEndpoint(CredentialRules.Clean(_environment(name)), name, out var problem);
        return problem is null ? endpoint ?? MetadataCredentials.DefaultEndpoint : throw Fail(name, problem, CredentialsProblem.InvalidValue, null);
    }

    private static CredentialsException Fail(string name, string problem, CredentialsProblem kind, string? advice) =>
        new("Environment variables: " + problem, kind, advice: advice);
}
