using System;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Turns one text source's values into credentials, applying <see cref="CredentialRules"/> in the same order
/// for every source; the source decides how a problem is worded around the name (a variable, or a file and line).
/// </summary>
internal static class CredentialBuilder
{
    /// <summary>Makes the exception for a problem with the value called <paramref name="name"/>.</summary>
    public delegate CredentialsException Failure(string name, string problem, CredentialsProblem kind, string? advice);

    /// <summary>The credentials; <c>null</c> when the source has no AK, SK or security token at all.</summary>
    /// <param name="names">What the source calls each value.</param>
    /// <param name="read">Reads a value by its name; blank counts as not set.</param>
    /// <param name="fail">Words a problem for this source.</param>
    /// <param name="pairAdvice">What to do about half a key pair.</param>
    /// <param name="kind">The kind of source.</param>
    /// <param name="source">Where exactly, for <see cref="AccessKeyCredentials.Source"/>.</param>
    /// <exception cref="CredentialsException">Half a key pair, or a value that cannot be right.</exception>
    public static AccessKeyCredentials? Build(SourceNames names, Func<string, string?> read, Failure fail, string pairAdvice, CredentialSourceKind kind, string source)
    {
        string? Read(string name) => CredentialRules.Clean(read(name));

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

        var projectId = Read(names.ProjectId);
        var domainId = Read(names.DomainId);
        foreach (var (name, value) in new[] { (names.AccessKey, accessKey), (names.SecretKey, secretKey), (names.SecurityToken, token), (names.ProjectId, projectId), (names.DomainId, domainId) })
        {
            if (CredentialRules.WhitespaceProblem(value, name) is { } problem)
            {
                throw fail(name, problem, CredentialsProblem.InvalidValue, null);
            }
        }

        var iamEndpoint = CredentialRules.Endpoint(Read(names.IamEndpoint), names.IamEndpoint, out var endpointProblem);
        if (endpointProblem is not null)
        {
            throw fail(names.IamEndpoint, endpointProblem, CredentialsProblem.InvalidValue, null);
        }

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
}
