using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Finds credentials as the official SDKs' provider chains do (Go <c>provider_chain.go</c>: environment →
/// profile → metadata), with the caller's parameters first: parameters (keys, an identity provider with its ID
/// token file, or <c>-UseMetadata</c>) → <c>HUAWEICLOUD_SDK_*</c> environment variables → the <c>[basic]</c>
/// section of the credentials file → the instance metadata service. The first source that holds credentials wins,
/// and AK, SK and security token (or identity provider and token file) always come from that one source; within a
/// source an identity provider wins over keys, as in the SDKs. Settings are not mixed across sources either (the
/// SDKs build each credential from one provider): project id, domain id and IAM endpoint come from the winning
/// source, except that values given as parameters replace them. An IAM endpoint no one gave here is for
/// <see cref="Regions.EndpointChain"/> to find (<c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c> among its sources), and a
/// missing project id is for the caller to find, as the SDKs do.
/// </summary>
internal sealed class CredentialChain
{
    private const string ParametersPlace = "parameters " + CredentialParameters.AccessKeyName + "/" + CredentialParameters.SecretKeyName;
    private const string IdTokenParametersPlace = "parameters " + CredentialParameters.IdpIdName + "/" + CredentialParameters.IdTokenFileName;

    private readonly EnvironmentCredentialSource _environment;
    private readonly ProfileCredentialSource _profile;

    /// <summary>Creates a chain over an environment accessor and a home directory accessor (tests give their own).</summary>
    /// <param name="environment">Reads an environment variable; returns <c>null</c> when it is not set.</param>
    /// <param name="homeDirectory">The user's home directory, or <c>null</c> when there is none.</param>
    public CredentialChain(Func<string, string?> environment, Func<string?> homeDirectory)
    {
        _environment = new EnvironmentCredentialSource(environment);
        _profile = new ProfileCredentialSource(environment, homeDirectory);
    }

    /// <summary>A chain over this process's environment and the user profile folder (<c>USERPROFILE</c> on Windows, <c>HOME</c> elsewhere).</summary>
    public static CredentialChain ForCurrentProcess() =>
        new(Environment.GetEnvironmentVariable, () => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Finds the credentials; see the class description for the order and what may be mixed.</summary>
    /// <param name="given">What the caller was given; <c>null</c> for nothing.</param>
    /// <returns>
    /// The credentials and settings; <see cref="ChainCredentials.SourceKind"/> and <see cref="ChainCredentials.Source"/> say
    /// where they came from. When no other source holds any, the metadata step, which knows where the chain looked.
    /// </returns>
    /// <exception cref="CredentialsException">
    /// The first source that holds any credentials is incomplete, holds a bad value, or is an unreadable or malformed file.
    /// </exception>
    public ChainCredentials Resolve(CredentialParameters? given = null)
    {
        given ??= new CredentialParameters();
        var passed = new List<string>();
        var found = FromParameters(given, passed)
            ?? Keep(_environment.Read(), passed)
            ?? Keep(_profile.Read(), passed)
            ?? new MetadataCredentials(_environment.MetadataEndpoint(), passed, null, null, null);

        return found.WithSettings(given.ProjectId, given.DomainId, given.IamEndpoint);
    }

    private ChainCredentials? FromParameters(CredentialParameters given, List<string> passed)
    {
        if (!given.HasKeys)
        {
            if (IdTokenFromParameters(given) is { } federated)
            {
                return federated;
            }

            if (given.UseMetadata)
            {
                return new MetadataCredentials(_environment.MetadataEndpoint(), null, null, null, null);
            }

            passed.Add($"{ParametersPlace} and {CredentialParameters.IdpIdName}/{CredentialParameters.IdTokenFileName} (not given)");
            return null;
        }

        var pair = CredentialRules.PairProblem(
            SecretText.IsGiven(given.AccessKey),
            SecretText.IsGiven(given.SecretKey),
            SecretText.IsGiven(given.SecurityToken),
            CredentialParameters.AccessKeyName,
            CredentialParameters.SecretKeyName,
            CredentialParameters.SecurityTokenName);
        if (pair is not null)
        {
            throw new CredentialsException(
                "Parameters: " + pair,
                CredentialsProblem.Incomplete,
                advice: $"Give both {CredentialParameters.AccessKeyName} and {CredentialParameters.SecretKeyName}, or neither to use the environment or the credentials file.");
        }

        return new AccessKeyCredentials(
            given.AccessKey!,
            given.SecretKey!,
            given.SecurityToken,
            given.ProjectId,
            given.DomainId,
            given.IamEndpoint,
            CredentialSourceKind.Explicit,
            ParametersPlace);
    }

    private static IdTokenCredentials? IdTokenFromParameters(CredentialParameters given)
    {
        var idpId = CredentialRules.Clean(given.IdpId);
        var tokenFile = CredentialRules.Clean(given.IdTokenFile);
        if (CredentialRules.IdTokenPairProblem(idpId is not null, tokenFile is not null, CredentialParameters.IdpIdName, CredentialParameters.IdTokenFileName) is { } pair)
        {
            throw new CredentialsException("Parameters: " + pair, CredentialsProblem.Incomplete, advice: $"Give both {CredentialParameters.IdpIdName} and {CredentialParameters.IdTokenFileName}.");
        }

        return idpId is null ? null : new IdTokenCredentials(idpId, tokenFile!, null, null, null, CredentialSourceKind.Explicit, IdTokenParametersPlace);
    }

    private static ChainCredentials? Keep(SourceLookup lookup, List<string> passed)
    {
        if (lookup.Credentials is null)
        {
            passed.Add(lookup.Description);
        }

        return lookup.Credentials;
    }

    /// <summary>The error for a chain that found nothing anywhere, listing every place it looked.</summary>
    internal static CredentialsException NotFound(IReadOnlyList<string> passed) => new(
        $"No Huawei Cloud access key was found. Looked in: {string.Join("; ", passed)}.",
        CredentialsProblem.NotFound,
        advice: $"Give {CredentialParameters.AccessKeyName} and {CredentialParameters.SecretKeyName}, set {CredentialVariables.AccessKey} and {CredentialVariables.SecretKey}, "
            + $"or put {ProfileKeys.AccessKey} and {ProfileKeys.SecretKey} under [{ProfileKeys.BasicSection}] in ~/{ProfileFileLocation.DirectoryName}/{ProfileFileLocation.FileName} (or the file {CredentialVariables.CredentialsFile} names); "
            + $"for ID-token federation set {CredentialVariables.IdpId} and {CredentialVariables.IdTokenFile}; on a Huawei Cloud VM, give it an agency so that its metadata service hands out temporary keys.");
}
