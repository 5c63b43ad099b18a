using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Finds access keys as the official SDKs' provider chains do, with the caller's parameters first:
/// parameters → <c>HUAWEICLOUD_SDK_*</c> environment variables → the <c>[basic]</c> section of the
/// credentials file. The first source that holds keys wins, and AK, SK and security token always come
/// from that one source. Settings are not mixed across sources either (the SDKs build each credential
/// from one provider): project id, domain id and IAM endpoint come from the winning source, except that
/// values given as parameters replace them. An IAM endpoint no one gave here is for
/// <see cref="Regions.EndpointChain"/> to find (<c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c> among its sources), and a
/// missing project id is for the caller to look up from the region, as the SDKs do.
/// </summary>
internal sealed class CredentialChain
{
    private const string ParametersPlace = "parameters " + CredentialParameters.AccessKeyName + "/" + CredentialParameters.SecretKeyName;

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

    /// <summary>Finds the keys; see the class description for the order and what may be mixed.</summary>
    /// <param name="given">What the caller was given; <c>null</c> for nothing.</param>
    /// <returns>The keys and settings; <see cref="AccessKeyCredentials.SourceKind"/> and <see cref="AccessKeyCredentials.Source"/> say where the keys came from.</returns>
    /// <exception cref="CredentialsException">
    /// No source holds keys (<see cref="CredentialsProblem.NotFound"/>, listing where the chain looked), or the
    /// first source that holds any is incomplete, holds a bad value, or is an unreadable or malformed file.
    /// </exception>
    public AccessKeyCredentials Resolve(CredentialParameters? given = null)
    {
        given ??= new CredentialParameters();
        var passed = new List<string>();
        var found = FromParameters(given, passed)
            ?? Keep(_environment.Read(), passed)
            ?? Keep(_profile.Read(), passed)
            ?? throw NotFound(passed);

        return found.WithSettings(given.ProjectId, given.DomainId, given.IamEndpoint);
    }

    private static AccessKeyCredentials? FromParameters(CredentialParameters given, List<string> passed)
    {
        if (!given.HasKeys)
        {
            passed.Add(ParametersPlace + " (not given)");
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

    private static AccessKeyCredentials? Keep(SourceLookup lookup, List<string> passed)
    {
        if (lookup.Credentials is null)
        {
            passed.Add(lookup.Description);
        }

        return lookup.Credentials;
    }

    private static CredentialsException NotFound(IReadOnlyList<string> passed) => new(
        $"No Huawei Cloud access key was found. Looked in: {string.Join("; ", passed)}.",
        CredentialsProblem.NotFound,
        advice: $"Give {CredentialParameters.AccessKeyName} and {CredentialParameters.SecretKeyName}, set {CredentialVariables.AccessKey} and {CredentialVariables.SecretKey}, "
            + $"or put {ProfileKeys.AccessKey} and {ProfileKeys.SecretKey} under [{ProfileKeys.BasicSection}] in ~/{ProfileFileLocation.DirectoryName}/{ProfileFileLocation.FileName} (or the file {CredentialVariables.CredentialsFile} names).");
}
