using System;
using System.Linq;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Turns one text source's values into credentials, applying <see cref="CredentialRules"/> in the same order
/// for every source; the source decides how a problem is worded around the name (a variable, or a file and line).
/// An identity provider with an ID token file wins over keys in the same source, as in the SDKs (Go
/// <c>fillCommonAttrs</c>).
/// </summary>
internal static class CredentialBuilder
{
    /// <summary>Makes the exception for a problem with the value called <paramref name="name"/>.</summary>
    public delegate CredentialsException Failure(string name, string problem, CredentialsProblem kind, string? advice);

    /// <summary>The credentials; <c>null</c> when the source has no AK, SK, security token, identity provider or ID token file at all.</summary>
    /// <param name="names">What the source calls each value.</param>
    /// <param name="read">Reads a value by its name; blank counts as not set.</param>
    /// <param name="fail">Words a problem for this source.</param>
    /// <param name="pairAdvice">What to do about half a key pair.</param>
    /// <param name="kind">The kind of source.</param>
    /// <param name="source">Where exactly, for <see cref="ChainCredentials.Source"/>.</param>
    /// <param name="idTokenSource">Where exactly, when the source holds an identity provider; <paramref name="source"/> when not given.</param>
    /// <exception cref="CredentialsException">Half a key pair, an identity provider without its token file (or the other way round), or a value that cannot be right.</exception>
    public static ChainCredentials? Build(SourceNames names, Func<string, string?> read, Failure fail, string pairAdvice, CredentialSourceKind kind, string source, string? idTokenSource = null)
    {
        string? Read(string name) => CredentialRules.Clean(read(name));

        if (IdToken(names, Read, fail, kind, idTokenSource ?? source) is { } federated)
        {
            return federated;
        }

        var accessKey = Read(names.AccessKey);
        var secretKey = Read(names.SecretKey);
        var token = Read(names.SecurityToken);
        if (accessKey is null && secretKey is null && token is null)
        {
            return null;
        }

        var pair = CredentialRules.PairProblem(accessKey is not null, secretKey is not null, token is not null, names.AccessKey, names.SecretKey, names.SecurityToken);
        if (pair is not null)
        {
            throw fail(accessKey is null ? names.AccessKey : names.SecretKey, pair, CredentialsProblem.Incomplete, pairAdvice);
        }

        var (projectId, domainId, iamEndpoint) = Settings(names, Read, fail, (names.AccessKey, accessKey), (names.SecretKey, secretKey), (names.SecurityToken, token));
        return new AccessKeyCredentials(
            SecretText.Protect(accessKey!),
            SecretText.Protect(secretKey!),
            token is null ? null : SecretText.Protect(token),
            projectId,
            domainId,
            iamEndpoint,
            kind,
            source);
    }

    private static IdTokenCredentials? IdToken(SourceNames names, Func<string, string?> read, Failure fail, CredentialSourceKind kind, string source)
    {
        var idpId = read(names.IdpId);
        var tokenFile = read(names.IdTokenFile);
        if (CredentialRules.IdTokenPairProblem(idpId is not null, tokenFile is not null, names.IdpId, names.IdTokenFile) is { } pair)
        {
            throw fail(idpId is null ? names.IdpId : names.IdTokenFile, pair, CredentialsProblem.Incomplete, $"Give both {names.IdpId} and {names.IdTokenFile}, or neither.");
        }

        if (idpId is null)
        {
            return null;
        }

        var path = CredentialRules.FilePath(tokenFile, names.IdTokenFile, out var pathProblem);
        if (pathProblem is not null)
        {
            throw fail(names.IdTokenFile, pathProblem, CredentialsProblem.InvalidValue, null);
        }

        var (projectId, domainId, iamEndpoint) = Settings(names, read, fail, (names.IdpId, idpId));
        return new IdTokenCredentials(idpId, path!, projectId, domainId, iamEndpoint, kind, source);
    }

    // The settings that come with the credentials, and the whitespace rule for them and the credentials' own values.
    private static (string? ProjectId, string? DomainId, Uri? IamEndpoint) Settings(SourceNames names, Func<string, string?> read, Failure fail, params (string Name, string? Value)[] own)
    {
        var projectId = read(names.ProjectId);
        var domainId = read(names.DomainId);
        foreach (var (name, value) in own.Concat(new[] { (names.ProjectId, projectId), (names.DomainId, domainId) }))
        {
            if (CredentialRules.WhitespaceProblem(value, name) is { } problem)
            {
                throw fail(name, problem, CredentialsProblem.InvalidValue, null);
            }
        }

        var iamEndpoint = CredentialRules.Endpoint(read(names.IamEndpoint), names.IamEndpoint, out var endpointProblem);
        return endpointProblem is null ? (projectId, domainId, iamEndpoint) : throw fail(names.IamEndpoint, endpointProblem, CredentialsProblem.InvalidValue, null);
    }
}
